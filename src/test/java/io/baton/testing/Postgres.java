package io.baton.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the integration tests run on: 127.0.0.1:5432 as user postgres, unless
 * BATON_TEST_PG_HOST, _PORT, _USER and _PASSWORD say otherwise. Each test database is dropped and
 * created afresh once per test run. An unreachable server fails the tests; it never skips them.
 * BATON_TEST_PG_DATABASE_SUFFIX is appended to every database name, so that two checkouts can run
 * their tests on one server at the same time.
 */
public final class Postgres {

  private static final String HOST = env("BATON_TEST_PG_HOST", "127.0.0.1");
  private static final String PORT = env("BATON_TEST_PG_PORT", "5432");
  private static final String USER = env("BATON_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("BATON_TEST_PG_PASSWORD", "");
  private static final String SUFFIX = env("BATON_TEST_PG_DATABASE_SUFFIX", "");
  private static final Set<String> created = new HashSet<>();

  private Postgres() {}

  /** Points the Spring datasource at a fresh database of this name. */
  public static void register(DynamicPropertyRegistry registry, String database) {
    String url = freshDatabase(database);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  public static synchronized String freshDatabase(String name) {
    String database = name + SUFFIX;
    if (created.add(database)) {
      try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
          Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + database + " with (force)");
        statement.execute("create database " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL is not reachable at " + url("postgres")
            + " as " + USER + ". Start it (pg_ctlcluster 15 main start) or set BATON_TEST_PG_HOST, "
            + "BATON_TEST_PG_PORT, BATON_TEST_PG_USER and BATON_TEST_PG_PASSWORD.", e);
      }
    }
    return url(database);
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
