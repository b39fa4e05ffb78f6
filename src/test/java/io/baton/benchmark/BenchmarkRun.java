package io.baton.benchmark;

import io.baton.BatonApplication;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.CaseStatus;
import io.baton.cases.CaseVariables;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.ServiceCatalog;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One measured run in a JVM of its own, started by {@link DeliveryBenchmark}: {@code baton} (the
 * Spring Boot application) or {@code baseline} (a plain Camunda engine), on {@code postgres} or
 * {@code h2}. Writes its numbers to the result file given as the third argument.
 */
public final class BenchmarkRun {

  static final String BATON_DATABASE = "baton_bench";
  static final String BASELINE_DATABASE = "baton_bench_baseline";
  static final String H2_BATON_URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
  static final String H2_BASELINE_URL = "jdbc:h2:mem:bench_baseline;DB_CLOSE_DELAY=-1";

  private final String database;
  private final int cases = Integer.getInteger("benchmark.cases", 200);
  private final int warmup = Integer.getInteger("benchmark.warmup", 50);
  private final Properties result = new Properties();

  private BenchmarkRun(String database) {
    this.database = database;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BenchmarkRun postgres|h2 baton|baseline RESULT_FILE");
      System.exit(2);
    }
    int status = 0;
    try {
      BenchmarkRun run = new BenchmarkRun(args[0]);
      switch (args[1]) {
        case "baton" -> run.baton();
        case "baseline" -> run.baseline();
        default -> throw new IllegalArgumentException("unknown run " + args[1]);
      }
      try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
        run.result.store(out, "benchmark result " + args[0] + " " + args[1]);
      }
    } catch (Throwable failure) {
      failure.printStackTrace();
      status = 1;
    }
    System.exit(status); // the engine's and Tomcat's threads do not end on their own
  }

  private boolean postgres() {
    return switch (database) {
      case "postgres" -> true;
      case "h2" -> false;
      default -> throw new IllegalArgumentException("unknown database " + database + "; use postgres or h2");
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Baton: the real application, with the benchmark's counting DataSource in its context.

  private void baton() throws Exception {
    String url = postgres() ? Postgres.url(BATON_DATABASE) : H2_BATON_URL;
    String user = postgres() ? Postgres.user() : "sa";
    String password = postgres() ? Postgres.password() : "";
    long startup = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        BatonApplication.class, CountCommitsConfiguration.class)
        .web(WebApplicationType.SERVLET) // the REST starter needs it; on a random port
        .run(
            "--spring.main.banner-mode=off",
            "--server.port=0",
            // an active profile keeps the default one (demo) off, as in production
            "--spring.profiles.active=" + (postgres() ? "postgres,benchmark" : "benchmark"),
            "--camunda.bpm.job-execution.enabled=false",
            // Baton's scheduled pollers (outbox delivery, SLA reminders) run on other threads, on
            // their own clocks: not part of a case's walk, so off (and not counted anyway)
            "--baton.notifications.dispatch=false",
            "--baton.sla.scan=false",
            "--baton.admin.user=benchmark-admin",
            "--baton.admin.password=" + UUID.randomUUID(),
            "--baton.secrets.key=" + io.baton.testing.IntegrationSettings.SECRETS_KEY,
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password)) {
      result.setProperty("startupSeconds", seconds(System.nanoTime() - startup));
      DataSource dataSource = app.getBean(DataSource.class);
      if (!(dataSource instanceof CountingDataSource counting)) {
        throw new IllegalStateException("The DataSource bean was not wrapped for counting: " + dataSource);
      }
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      CaseService caseService = app.getBean(CaseService.class);
      ServiceCatalog catalog = app.getBean(ServiceCatalog.class);
      String service = StreamSupport.stream(catalog.names().spliterator(), false)
          .filter(name -> ServiceDeliveryProcess.KEY.equals(catalog.processFor(name)))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No service is delivered by " + ServiceDeliveryProcess.KEY));
      LocalDate promised = LocalDate.now().plusWeeks(6);
      List<String> keys = new ArrayList<>();
      CaseWalk walk = walk(engine, i -> {
        CaseService.Opened opened = caseService.open(new OpenCase("BENCH-" + i, "Client " + i,
            "client-" + i + "@bench.example", Language.EN, ZoneId.of("Europe/Sofia"), service,
            Tier.STANDARD, promised));
        if (!opened.created()) {
          throw new IllegalStateException("Case BENCH-" + i + " already existed");
        }
        keys.add(opened.theCase().getKey());
        return opened.theCase().getKey();
      });
      measure(walk, counting, counting.getTargetDataSource().unwrap(HikariDataSource.class), BATON_DATABASE);
      // Baton's own end of the bargain: each case row followed its process to the end.
      long notClosed = keys.stream().map(caseService::get).map(Case::getStatus)
          .filter(status -> status != CaseStatus.CLOSED).count();
      if (notClosed != 0) {
        throw new IllegalStateException(notClosed + " of " + keys.size() + " cases are not CLOSED");
      }
      result.setProperty("verified", "all " + keys.size() + " processes completed, all cases CLOSED");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Baseline: a plain engine, no Spring, no Baton code, the same shape of model.

  private void baseline() throws Exception {
    boolean authorization = Boolean.parseBoolean(System.getProperty("benchmark.baseline.authorization", "true"));
    BaselineModel.Derived baseline = BaselineModel.derive();

    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("baseline");
    pool.setJdbcUrl(postgres() ? Postgres.url(BASELINE_DATABASE) : H2_BASELINE_URL);
    pool.setUsername(postgres() ? Postgres.user() : "sa");
    pool.setPassword(postgres() ? Postgres.password() : "");
    CountingDataSource counting = new CountingDataSource(pool);

    long startup = System.nanoTime();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("baseline");
    configuration.setDataSource(counting);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true); // satisfied: the model has a time to live
    // What Camunda's Spring Boot starter does for Baton, engine settings rather than Baton code:
    configuration.setIdGenerator(new StrongUuidGenerator());
    if (authorization) { // Baton's application.yaml: authorization enabled, TASK_WORK for candidates
      configuration.setAuthorizationEnabled(true);
      configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment()
          .name("benchmark-baseline")
          .addModelInstance("service-delivery-baseline.bpmn", baseline.model())
          .deploy();
      result.setProperty("startupSeconds", seconds(System.nanoTime() - startup));
      result.setProperty("baselineModel", baseline.delegatesReplaced() + " delegates and "
          + baseline.listenersReplaced() + " listeners of the model replaced, " + baseline.listenersAdded()
          + " no-op listeners added");
      result.setProperty("baselineAuthorization", Boolean.toString(authorization));
      String promised = LocalDate.now().plusWeeks(6).toString();
      CaseWalk walk = walk(engine, i -> {
        String key = "C-" + (1001 + i);
        engine.getRuntimeService().startProcessInstanceByKey(ServiceDeliveryProcess.KEY, key, Map.of(
            CaseVariables.CASE_KEY, key,
            CaseVariables.CLIENT_NAME, "Client " + i,
            CaseVariables.SERVICE, "website-build",
            CaseVariables.TIER, Tier.STANDARD.code(),
            CaseVariables.PROMISED_DATE, promised));
        return key;
      });
      measure(walk, counting, pool, BASELINE_DATABASE);
      long calls = NoOpDelegate.CALLS.get();
      if (calls == 0) {
        throw new IllegalStateException("The baseline's no-op delegates were never called");
      }
      result.setProperty("verified", "all processes completed, " + calls / (warmup + cases)
          + " no-op delegate calls per case");
    } finally {
      engine.close();
      pool.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static CaseWalk walk(ProcessEngine engine, CaseWalk.Opener opener) {
    return new CaseWalk(opener, engine.getTaskService(), engine.getManagementService(),
        engine.getRuntimeService(), engine.getHistoryService());
  }

  /** Warm-up, then the timed cases, counted; then checks that they all really ran to the end. */
  private void measure(CaseWalk walk, CountingDataSource counting, HikariDataSource pool, String pgDatabase)
      throws Exception {
    counting.countOnly(Thread.currentThread());
    for (int i = 0; i < warmup; i++) {
      walk.run(i);
    }
    long[] pgBefore = null;
    if (postgres()) {
      Postgres.flushStatistics(pool);
      pgBefore = Postgres.transactions(pgDatabase);
    }
    counting.reset();
    List<String> processes = new ArrayList<>(cases);
    long[] latencies = new long[cases];
    long start = System.nanoTime();
    for (int i = warmup; i < warmup + cases; i++) {
      long caseStart = System.nanoTime();
      processes.add(walk.run(i));
      latencies[i - warmup] = System.nanoTime() - caseStart;
    }
    long elapsed = System.nanoTime() - start;
    CountingDataSource.Counts counts = counting.counts();
    if (postgres()) {
      Postgres.flushStatistics(pool);
      long[] pgAfter = Postgres.transactions(pgDatabase);
      result.setProperty("pgCommits", Long.toString(pgAfter[0] - pgBefore[0]));
      result.setProperty("pgRollbacks", Long.toString(pgAfter[1] - pgBefore[1]));
    }
    walk.verifyEnded(processes);

    result.setProperty("cases", Integer.toString(cases));
    result.setProperty("warmup", Integer.toString(warmup));
    result.setProperty("seconds", seconds(elapsed));
    long firstHalf = 0;
    for (int i = 0; i < cases / 2; i++) {
      firstHalf += latencies[i];
    }
    result.setProperty("firstHalfSeconds", seconds(firstHalf));
    long[] sorted = latencies.clone();
    java.util.Arrays.sort(sorted);
    result.setProperty("caseMillisP50", Double.toString(sorted[(cases - 1) / 2] / 1e6));
    result.setProperty("caseMillisP95", Double.toString(sorted[(int) Math.ceil(cases * 0.95) - 1] / 1e6));
    result.setProperty("caseMillisMax", Double.toString(sorted[cases - 1] / 1e6));
    result.setProperty("transactions", Long.toString(counts.transactions()));
    result.setProperty("writeTransactions", Long.toString(counts.writeTransactions()));
    result.setProperty("commits", Long.toString(counts.commits()));
    result.setProperty("rollbacks", Long.toString(counts.rollbacks()));
    result.setProperty("autoCommitStatements", Long.toString(counts.autoCommitStatements()));
    result.setProperty("statements", Long.toString(counts.statements()));
    result.setProperty("connections", Long.toString(counts.connections()));
  }

  private static String seconds(long nanos) {
    return Double.toString(nanos / 1e9);
  }

  /** The local PostgreSQL server, as the benchmark's system properties name it. */
  static final class Postgres {
    private Postgres() {}

    static String url(String database) {
      String base = System.getProperty("benchmark.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
      return (base.endsWith("/") ? base : base + "/") + database;
    }

    static String user() {
      return System.getProperty("benchmark.postgres.user", "postgres");
    }

    static String password() {
      return System.getProperty("benchmark.postgres.password", "");
    }

    /**
     * Makes every backend of the pool flush its statistics now. A PostgreSQL backend adds its
     * transactions to pg_stat_database at most once a second, and the last ones of a burst only
     * 10 s after it went idle (PGSTAT_IDLE_INTERVAL); {@code pg_stat_force_next_flush()} makes it
     * flush as soon as it is idle again. All the pool's connections are held at once, so each
     * backend gets it. Measured on PostgreSQL 15: the flush itself shows up as at most one
     * transaction (neither Hikari's isValid on borrowing nor the flushing call is counted before the
     * next flush), so nothing is subtracted.
     */
    static void flushStatistics(HikariDataSource pool) throws Exception {
      Thread.sleep(700);
      int total = pool.getHikariPoolMXBean().getTotalConnections();
      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < total; i++) {
          held.add(pool.getConnection());
        }
        for (Connection connection : held) {
          try (java.sql.Statement flush = connection.createStatement()) {
            flush.execute("select pg_stat_force_next_flush()");
          }
          if (!connection.getAutoCommit()) {
            connection.commit();
          }
        }
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
      Thread.sleep(300);
    }

    static Connection admin() throws SQLException {
      return DriverManager.getConnection(url("postgres"), user(), password());
    }

    /**
     * xact_commit and xact_rollback of a database, read through the {@code postgres} database so
     * that the reading itself is not counted in them.
     */
    static long[] transactions(String database) throws SQLException {
      try (Connection connection = admin();
          PreparedStatement query = connection.prepareStatement(
              "select xact_commit, xact_rollback from pg_stat_database where datname = ?")) {
        query.setString(1, database);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new IllegalStateException("No pg_stat_database row for " + database);
          }
          return new long[] {row.getLong(1), row.getLong(2)};
        }
      }
    }
  }
}
