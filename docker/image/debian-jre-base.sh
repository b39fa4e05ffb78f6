#!/usr/bin/env bash
# Builds a base image for Jib from Debian's own packages, without a Docker daemon or registry:
# Debian bookworm (minbase) with openjdk-17-jre-headless, written as a `docker save` tarball
# that Jib takes as `tar://` base (see README, "Container image").
#
#   docker/image/debian-jre-base.sh target/image-base/debian-jre17.tar
#
# Needs root and debootstrap (apt-get install -y debootstrap). Where a registry is reachable,
# the default base (eclipse-temurin:17-jre) needs none of this.
set -euo pipefail

out=${1:?usage: $0 OUTPUT.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rootfs=$work/rootfs
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  exit 1
}
# What a runtime image does not need.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/debootstrap "$rootfs"/var/log/*
java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java" | sed "s|^$rootfs||")")")

tar --numeric-owner --sort=name --mtime='2000-01-01 00:00:00' -C "$rootfs" -cf "$work/layer.tar" .

python3 - "$work" "$out" "$java_home" <<'PY'
import hashlib, json, os, sys, tarfile
work, out, java_home = sys.argv[1:]
layer = os.path.join(work, "layer.tar")
digest = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        digest.update(chunk)
config = {
    "architecture": "amd64",
    "os": "linux",
    "config": {
        "Env": [
            "PATH=" + java_home + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=" + java_home,
            "LANG=C.UTF-8",
        ],
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
}
with open(os.path.join(work, "config.json"), "w") as f:
    json.dump(config, f)
with open(os.path.join(work, "manifest.json"), "w") as f:
    json.dump([{"Config": "config.json", "RepoTags": ["baton-base/debian-jre:17"], "Layers": ["layer.tar"]}], f)
os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
with tarfile.open(out, "w") as tar:
    for name in ("manifest.json", "config.json", "layer.tar"):
        tar.add(os.path.join(work, name), arcname=name)
PY
echo "base image: $out ($(du -h "$out" | cut -f1), Java at $java_home)"
