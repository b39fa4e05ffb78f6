package io.baton.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Baton nodes that start together on one PostgreSQL database take turns: the first to get the
 * database holds a PostgreSQL advisory lock from the moment its DataSource exists (before the
 * engine creates or updates its ACT_* schema, before Flyway, process deployment and identity setup)
 * until it is ready; the others wait for it and then find everything in place. On H2 (one
 * process) there is nothing to take turns with.
 */
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  /** The advisory lock's key: "baton" in ASCII. */
  static final long KEY = 0x626174_6f6eL;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private final Duration wait;
  private Connection held;
  private boolean done;

  StartupLock(Duration wait) {
    this.wait = wait;
  }

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !done) {
      done = true;
      acquire(dataSource);
    }
    return bean;
  }

  private void acquire(DataSource dataSource) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new BatonConfigurationException("Baton cannot reach its database: " + e.getMessage(),
          "Start the database, or point Baton at it with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME "
              + "and SPRING_DATASOURCE_PASSWORD.");
    }
    try {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        connection.close();
        return;
      }
      long started = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("set lock_timeout = " + wait.toMillis());
        statement.execute("select pg_advisory_lock(" + KEY + ")");
        statement.execute("set lock_timeout = 0");
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      if (waited.toMillis() > 500) {
        log.info("Waited {} ms for another Baton node to finish starting on this database", waited.toMillis());
      }
      held = connection;
    } catch (SQLException e) {
      close(connection);
      if ("55P03".equals(e.getSQLState())) {
        throw new BatonConfigurationException("Another Baton node has been starting on this database for more "
            + "than " + wait.toSeconds() + " s and still holds the start-up lock (PostgreSQL advisory lock "
            + KEY + ").", "Wait until it is up or stop it, then start this node again; raise "
            + "baton.startup.lock-wait if its start-up is that slow.");
      }
      throw new BatonConfigurationException("Baton could not take its start-up lock on the database: "
          + e.getMessage(), "Check that the database user may run pg_advisory_lock, then start again.");
    }
  }

  /** Ready: the next node may start. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  /** A start that failed lets the next node try. */
  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement statement = held.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Could not release the start-up lock; closing its connection releases it: {}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the session ends, and with it the lock
    }
  }
}
