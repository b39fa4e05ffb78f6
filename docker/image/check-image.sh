#!/usr/bin/env bash
# Checks the image that `./mvnw package jib:buildTar` wrote, without a Docker daemon:
#  1. it runs the same jar (byte for byte target/baton.jar), entrypoint, profile, user and port
#     as docker/Dockerfile;
#  2. it starts: its file system is unpacked and its entrypoint run, as its user, in a chroot
#     (root only), against the PostgreSQL named by BATON_IMAGE_CHECK_DB_* (default the local
#     cluster), until /actuator/health/readiness answers UP.
#
#   docker/image/check-image.sh [target/jib-image.tar]
set -euo pipefail
cd "$(dirname "$0")/../.."

image=${1:-target/jib-image.tar}
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    # Baton is unshare's child (PID 1 of its namespace): a SIGTERM shuts it down as a container
    # stop would, and --kill-child covers the case where unshare goes first.
    baton=$(pgrep -P "$pid" || true)
    [ -n "$baton" ] && kill -TERM "$baton" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" "$baton" 2>/dev/null || true
    psql -h "$db_host" -p "$db_port" -U "$db_user" -qc "drop database if exists $database with (force)" postgres >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
db_host=${BATON_IMAGE_CHECK_DB_HOST:-127.0.0.1}
db_port=${BATON_IMAGE_CHECK_DB_PORT:-5432}
db_user=${BATON_IMAGE_CHECK_DB_USER:-postgres}
database=baton_image_check
trap cleanup EXIT

tar -xf "$image" -C "$work" 2>/dev/null
python3 - "$work" target/baton.jar docker/Dockerfile <<'PY'
import hashlib, json, re, sys, tarfile
work, jar, dockerfile = sys.argv[1:]
manifest = json.load(open(f"{work}/manifest.json"))[0]
config = json.load(open(f"{work}/{manifest['Config']}"))["config"]
env = dict(e.split("=", 1) for e in config.get("Env", []))
text = open(dockerfile).read()
docker_entrypoint = json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", text, re.M).group(1))
problems = []
if config.get("Entrypoint") != docker_entrypoint:
    problems.append(f"entrypoint {config.get('Entrypoint')} differs from the Dockerfile's {docker_entrypoint}")
if env.get("SPRING_PROFILES_ACTIVE") != "postgres" or "SPRING_PROFILES_ACTIVE=postgres" not in text:
    problems.append(f"profile {env.get('SPRING_PROFILES_ACTIVE')!r}: both must run the postgres profile")
if not config.get("User", "").startswith("10001") or "--uid 10001" not in text:
    problems.append(f"user {config.get('User')!r}: both must run as uid 10001, never root")
if "8080/tcp" not in config.get("ExposedPorts", {}):
    problems.append("port 8080 is not exposed")
want = hashlib.sha256(open(jar, "rb").read()).hexdigest()
found = None
for layer in manifest["Layers"]:
    with tarfile.open(f"{work}/{layer}") as t:
        for member in t.getmembers():
            if member.name.lstrip("./") == "app/baton.jar":
                found = hashlib.sha256(t.extractfile(member).read()).hexdigest()
if found != want:
    problems.append(f"/app/baton.jar is {found or 'missing'}, target/baton.jar is {want}")
if problems:
    sys.exit("image check failed:\n  " + "\n  ".join(problems))
print(f"image: entrypoint {' '.join(config['Entrypoint'])}, profile postgres, user {config['User']}, "
      f"/app/baton.jar = target/baton.jar (sha256 {want[:12]})")
open(f"{work}/env", "w").write("\n".join(config.get("Env", [])))
open(f"{work}/entrypoint", "w").write("\n".join(config["Entrypoint"]))
open(f"{work}/layers", "w").write("".join(layer + "\n" for layer in manifest["Layers"]))
PY

if [ "$(id -u)" != 0 ]; then
  echo "image: not started (starting it in a chroot needs root)"
  exit 0
fi
rootfs=$work/rootfs
mkdir -p "$rootfs"
while read -r layer; do tar -xf "$work/$layer" -C "$rootfs" 2>/dev/null; done <"$work/layers"
cp /etc/hosts "$rootfs/etc/hosts"

export PGOPTIONS="-c client_min_messages=warning"
port=${BATON_IMAGE_CHECK_PORT:-18479}
psql -h "$db_host" -p "$db_port" -U "$db_user" -qc "drop database if exists $database with (force)" -c "create database $database" postgres

mapfile -t environment <"$work/env"
mapfile -t entrypoint <"$work/entrypoint"
started=$(date +%s)
unshare --mount --pid --fork --kill-child=SIGTERM --mount-proc="$rootfs/proc" \
  chroot --userspec=10001:10001 "$rootfs" /usr/bin/env -i "${environment[@]}" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$db_host:$db_port/$database" \
  SPRING_DATASOURCE_USERNAME="$db_user" SPRING_DATASOURCE_PASSWORD="${BATON_IMAGE_CHECK_DB_PASSWORD:-}" \
  BATON_ADMIN_USER=image-check BATON_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64)" \
  BATON_SECRETS_KEY="$(head -c 32 /dev/urandom | base64)" SERVER_PORT="$port" \
  /bin/sh -c 'cd /app && exec "$@"' entrypoint "${entrypoint[@]}" >"$work/baton.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
    echo "image: started in $(( $(date +%s) - started )) s; /actuator/health/readiness is UP"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 2
done
echo "image check failed: Baton in the image did not become ready; its log ends:" >&2
tail -40 "$work/baton.log" >&2
exit 1
