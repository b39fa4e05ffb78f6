package io.baton.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A DataSource that counts, at the JDBC level, what the code above it asks of the database:
 * <ul>
 *   <li>{@code commits}: calls of {@link Connection#commit()};
 *   <li>{@code transactions}: database transactions that ran at least one statement, however they
 *       ended: an explicit commit or rollback, an implicit commit by {@code setAutoCommit(true)}, a
 *       rollback by the pool when the connection is closed in the middle of one, or a statement run
 *       in auto-commit mode (its own transaction);
 *   <li>{@code writeTransactions}: those of them that ran an INSERT, UPDATE or DELETE (or anything
 *       other than a SELECT, SHOW or VALUES);
 *   <li>{@code autoCommitStatements}: statements run in auto-commit mode (a code path without an
 *       explicit transaction; should stay 0 for the engine);
 *   <li>{@code statements}: {@code execute*} calls (a JDBC batch counts once).
 * </ul>
 * Both benchmark runs, on both databases, count through this class, so their numbers compare. With
 * {@link #countOnly(Thread)}, work on other threads (Baton's scheduled pollers) is not counted.
 */
public class CountingDataSource extends DelegatingDataSource implements AutoCloseable {

  public record Counts(long transactions, long writeTransactions, long commits, long rollbacks, long autoCommitStatements,
      long statements, long connections) {}

  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong writeTransactions = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final AtomicLong autoCommitStatements = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();

  /** Statements that do not write; anything else counts as a write. */
  private static final Pattern READ = Pattern.compile("\\s*(\\(\\s*)*(select|show|values)\\b",
      Pattern.CASE_INSENSITIVE);

  /** If set, only connections taken on this thread are counted; background pollers are not. */
  private volatile Thread countedThread;

  public CountingDataSource(DataSource target) {
    super(target);
  }

  /** From now on, counts only what {@code thread} does (null: every thread). */
  public void countOnly(Thread thread) {
    this.countedThread = thread;
  }

  public Counts counts() {
    return new Counts(transactions.get(), writeTransactions.get(), commits.get(), rollbacks.get(), autoCommitStatements.get(),
        statements.get(), connections.get());
  }

  public void reset() {
    transactions.set(0);
    writeTransactions.set(0);
    commits.set(0);
    rollbacks.set(0);
    autoCommitStatements.set(0);
    statements.set(0);
    connections.set(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(obtainTargetDataSource().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return counting(obtainTargetDataSource().getConnection(username, password));
  }

  /** Closes the pool underneath, so that Spring's inferred destroy method still finds one. */
  @Override
  public void close() throws Exception {
    if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private Connection counting(Connection target) {
    Thread only = countedThread;
    if (only != null && only != Thread.currentThread()) {
      return target;
    }
    connections.incrementAndGet();
    return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(target));
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;
    /** A transaction is open on this connection and has run at least one statement. */
    private boolean open;
    /** ... and has written. */
    private boolean wrote;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "commit" -> {
          commits.incrementAndGet();
          endTransaction();
        }
        case "rollback" -> {
          if (args == null || args.length == 0) {
            if (open) {
              rollbacks.incrementAndGet();
            }
            endTransaction();
          }
        }
        case "setAutoCommit" -> {
          if ((Boolean) args[0] && !target.getAutoCommit()) {
            endTransaction(); // JDBC: switching auto-commit on commits the open transaction
          }
        }
        case "close" -> {
          if (open && !target.isClosed() && !target.getAutoCommit()) {
            rollbacks.incrementAndGet(); // the pool rolls it back
            endTransaction();
          }
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "Counting[" + target + "]";
        }
        default -> {
        }
      }
      Object result = call(target, method, args);
      if (result instanceof Statement statement && method.getName().matches("createStatement|prepareStatement|prepareCall")) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
            : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
            new StatementHandler(this, statement, args != null && args.length > 0 && args[0] instanceof String sql ? sql : null));
      }
      return result;
    }

    private void endTransaction() {
      if (open) {
        transactions.incrementAndGet();
        if (wrote) {
          writeTransactions.incrementAndGet();
        }
        open = false;
        wrote = false;
      }
    }

    void executing(String sql) throws SQLException {
      statements.incrementAndGet();
      boolean write = sql == null || !READ.matcher(sql).lookingAt();
      if (target.getAutoCommit()) {
        autoCommitStatements.incrementAndGet();
        transactions.incrementAndGet();
        if (write) {
          writeTransactions.incrementAndGet();
        }
      } else {
        open = true;
        wrote |= write;
      }
    }
  }

  private static final class StatementHandler implements InvocationHandler {
    private final ConnectionHandler connection;
    private final Statement target;
    /** The SQL it was prepared with; null for a plain Statement. */
    private final String preparedSql;

    StatementHandler(ConnectionHandler connection, Statement target, String preparedSql) {
      this.connection = connection;
      this.target = target;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return target.toString();
        }
        default -> {
          if (method.getName().startsWith("execute")) {
            connection.executing(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
          }
        }
      }
      return call(target, method, args);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
