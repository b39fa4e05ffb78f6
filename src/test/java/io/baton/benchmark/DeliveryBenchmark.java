package io.baton.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs N reference service-delivery cases through the engine, on PostgreSQL and on H2, and prints
 * cases per second and database transactions per case for Baton and for a baseline measured in the
 * same run: the same BPMN on a plain Camunda engine with no-op delegates and no Baton code.
 *
 * <pre>
 *   mvn -Pbenchmark test-compile exec:exec [-Dbenchmark.cases=200] [-Dbenchmark.databases=postgres,h2]
 * </pre>
 *
 * Other settings (system properties, all optional): {@code benchmark.warmup} (50 cases before the
 * timed ones), {@code benchmark.postgres.url} ({@code jdbc:postgresql://127.0.0.1:5432/}),
 * {@code benchmark.postgres.user} (postgres), {@code benchmark.postgres.password} (empty),
 * {@code benchmark.jvmArgs} (for each run's JVM), {@code benchmark.baseline.authorization} (true:
 * the baseline engine has Baton's authorization settings; false: a bare engine). The baseline's
 * model is described in {@link BaselineModel}.
 *
 * <p>Each of the four runs gets a fresh JVM (so no run inherits another's JIT warm-up or heap) and a
 * fresh database: {@value BenchmarkRun#BATON_DATABASE} and {@value BenchmarkRun#BASELINE_DATABASE}
 * are dropped and created on PostgreSQL; H2 is in memory. Each run's log is under
 * {@code target/benchmark/}.
 */
public final class DeliveryBenchmark {

  private static final List<String> RUNS = List.of("baton", "baseline");
  private static final Path OUT = Path.of("target", "benchmark");

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("benchmark.cases", 200);
    int warmup = Integer.getInteger("benchmark.warmup", 50);
    List<String> databases = Arrays.stream(System.getProperty("benchmark.databases", "postgres,h2").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    String jvmArgs = System.getProperty("benchmark.jvmArgs", "-Xms1g -Xmx1g").trim();
    if (cases < 1 || warmup < 0 || databases.isEmpty()
        || !databases.stream().allMatch(db -> db.equals("postgres") || db.equals("h2"))) {
      System.err.println("benchmark.cases must be >= 1, benchmark.warmup >= 0, benchmark.databases a list of postgres, h2");
      System.exit(2);
    }
    Files.createDirectories(OUT);
    PrintStream out = System.out;

    String postgresVersion = null;
    if (databases.contains("postgres")) {
      postgresVersion = recreatePostgresDatabases();
    }

    out.println();
    out.println("Baton delivery benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
    out.printf("JVM:       %s %s (%s), %d CPUs; each run in its own JVM with %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
        jvmArgs.isEmpty() ? "default options" : jvmArgs);
    out.printf(java.util.Locale.ROOT, "Load:      %.2f (1-minute system load average at the start; other work on the machine skews times)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf("Cases:     N = %d timed per run, after %d warm-up cases%n", cases, warmup);
    out.printf("Engine:    Camunda %s, history full, job executor off; tasks completed and the check-in timer run%n"
        + "           through TaskService / ManagementService (no HTTP), happy path, 15 engine calls per case%n",
        camundaVersion());
    out.println("baton:     the Spring Boot application (no demo profile), cases opened by CaseService.open");
    out.printf("baseline:  a plain engine, no Spring, no Baton code: %s with every delegate%n"
        + "           a no-op, and no-op listeners where Baton's StageEventsPlugin listens; authorization %s%n"
        + "           (as Baton configures it), UUID ids%n",
        BaselineModel.REAL_MODEL,
        Boolean.parseBoolean(System.getProperty("benchmark.baseline.authorization", "true")) ? "on" : "off");
    if (postgresVersion != null) {
      out.printf("postgres:  PostgreSQL %s, %s (Baton) and %s (baseline), dropped and created for this run%n",
          postgresVersion, BenchmarkRun.Postgres.url(BenchmarkRun.BATON_DATABASE), BenchmarkRun.BASELINE_DATABASE);
    }
    if (databases.contains("h2")) {
      out.printf("h2:        H2 %s in memory (%s)%n", org.h2.engine.Constants.VERSION, BenchmarkRun.H2_BATON_URL);
    }
    out.println();

    Path snapshot = Files.createTempDirectory("baton-benchmark-classes");
    String classpath = snapshotClasspath(snapshot);
    Map<String, Properties> results = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    try {
      for (String database : databases) {
        for (String run : RUNS) {
          out.printf("... %s / %s%n", database, run);
          out.flush();
          Properties result = fork(database, run, jvmArgs, classpath);
          if (result == null) {
            failed.add(database + "/" + run);
          } else {
            results.put(database + "/" + run, result);
          }
        }
      }
    } finally {
      deleteRecursively(snapshot);
    }
    out.println();
    out.printf(java.util.Locale.ROOT, "Load at the end: %.2f%n%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    printTable(out, databases, results);
    if (!failed.isEmpty()) {
      out.println();
      out.println("FAILED: " + String.join(", ", failed) + " (see the logs under " + OUT + ")");
      System.exit(1);
    }
  }

  private static void printTable(PrintStream out, List<String> databases, Map<String, Properties> results) {
    String format = "%-9s %-14s %6s %8s %8s %8s %10s %10s %8s %8s%n";
    out.printf(format, "database", "run", "cases", "seconds", "cases/s", "tx/case", "write tx/c", "commits/c",
        "stmts/c", "pg tx/c");
    for (String database : databases) {
      Properties baton = results.get(database + "/baton");
      Properties baseline = results.get(database + "/baseline");
      for (String run : RUNS) {
        Properties r = results.get(database + "/" + run);
        if (r == null) {
          out.printf("%-9s %-14s %s%n", database, run, "FAILED");
          continue;
        }
        out.printf(format, database, run, r.getProperty("cases"), fixed(number(r, "seconds"), 2),
            fixed(casesPerSecond(r), 1), fixed(perCase(r, "transactions"), 1),
            fixed(perCase(r, "writeTransactions"), 1), fixed(perCase(r, "commits"), 1),
            fixed(perCase(r, "statements"), 1), r.containsKey("pgCommits") ? fixed(pgPerCase(r), 1) : "-");
      }
      if (baton != null && baseline != null) {
        out.printf(format, database, "baton/baseline", "", "",
            ratio(casesPerSecond(baton), casesPerSecond(baseline)),
            ratio(perCase(baton, "transactions"), perCase(baseline, "transactions")),
            ratio(perCase(baton, "writeTransactions"), perCase(baseline, "writeTransactions")),
            ratio(perCase(baton, "commits"), perCase(baseline, "commits")),
            ratio(perCase(baton, "statements"), perCase(baseline, "statements")),
            baton.containsKey("pgCommits") ? ratio(pgPerCase(baton), pgPerCase(baseline)) : "-");
      }
    }
    out.println();
    out.println("tx/case       database transactions per case seen at the JDBC DataSource (same counting proxy for every run):");
    out.println("              each ended by commit(), rollback(), setAutoCommit(true) or the pool, or one auto-commit statement");
    out.println("write tx/c    those of them that ran anything other than a SELECT");
    out.println("commits/c     Connection.commit() calls per case (MyBatis ends a read-only transaction by");
    out.println("              setAutoCommit(true), not commit(), so this alone undercounts the baseline's)");
    out.println("stmts/c       JDBC execute calls per case (a batch counts once)");
    out.println("pg tx/c       cross-check: xact_commit + xact_rollback of the run's database in pg_stat_database, per case");
    out.println("              (backends made to flush first; read through the postgres database, so neither the");
    out.println("              reading nor the flush is in it; the pool's keep-alive checks may add a few)");
    out.println("baton/baseline  Baton's cases/s and per-case counts divided by the baseline's");
    out.println();
    for (String database : databases) {
      for (String run : RUNS) {
        Properties r = results.get(database + "/" + run);
        if (r != null) {
          int n = integer(r, "cases");
          double firstHalf = number(r, "firstHalfSeconds");
          out.printf(java.util.Locale.ROOT, "%-8s %-8s ms per case p50 %.0f, p95 %.0f, max %.0f; cases/s first half %.1f, second half %.1f%n",
              database, run, number(r, "caseMillisP50"), number(r, "caseMillisP95"), number(r, "caseMillisMax"),
              (n / 2) / firstHalf, (n - n / 2) / (number(r, "seconds") - firstHalf));
          out.printf(java.util.Locale.ROOT, "%-8s %-8s start-up %.1f s; rollbacks %s, auto-commit statements %s, connections %s%s; %s%n",
              database, run, number(r, "startupSeconds"), r.getProperty("rollbacks"),
              r.getProperty("autoCommitStatements"), r.getProperty("connections"),
              r.containsKey("baselineModel") ? "; " + r.getProperty("baselineModel")
                  + ", authorization " + ("true".equals(r.getProperty("baselineAuthorization")) ? "on" : "off") : "",
              "verified: " + r.getProperty("verified"));
        }
      }
    }
  }

  private static Properties fork(String database, String run, String jvmArgs, String classpath) throws Exception {
    Path log = OUT.resolve(database + "-" + run + ".log");
    Path resultFile = OUT.resolve(database + "-" + run + ".properties");
    Files.deleteIfExists(resultFile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!jvmArgs.isEmpty()) {
      command.addAll(Arrays.asList(jvmArgs.split("\\s+")));
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("benchmark."))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-cp");
    command.add(classpath);
    command.add(BenchmarkRun.class.getName());
    command.add(database);
    command.add(run);
    command.add(resultFile.toString());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      System.out.println("    timed out; log: " + log);
      return null;
    }
    if (process.exitValue() != 0 || !Files.exists(resultFile)) {
      System.out.println("    failed (exit " + process.exitValue() + "); last lines of " + log + ":");
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(line -> System.out.println("    | " + line));
      return null;
    }
    Properties result = new Properties();
    try (InputStream in = Files.newInputStream(resultFile)) {
      result.load(in);
    }
    return result;
  }

  /**
   * The class path for the runs, with its directories (target/classes, target/test-classes) copied
   * aside: every run then uses the same classes, even if the project is rebuilt meanwhile.
   */
  private static String snapshotClasspath(Path snapshot) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path copy = snapshot.resolve(Integer.toString(n++));
        try (var files = Files.walk(path)) {
          for (Path file : (Iterable<Path>) files::iterator) {
            Path target = copy.resolve(path.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(target);
            } else {
              Files.copy(file, target);
            }
          }
        }
        entries.add(copy.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Drops and creates both benchmark databases; returns the server's version. */
  private static String recreatePostgresDatabases() throws Exception {
    try (Connection admin = BenchmarkRun.Postgres.admin(); Statement sql = admin.createStatement()) {
      for (String database : List.of(BenchmarkRun.BATON_DATABASE, BenchmarkRun.BASELINE_DATABASE)) {
        sql.execute("drop database if exists " + database + " with (force)");
        sql.execute("create database " + database);
      }
      try (ResultSet version = sql.executeQuery("show server_version")) {
        version.next();
        return version.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IOException("Cannot prepare the PostgreSQL databases through "
          + BenchmarkRun.Postgres.url("postgres") + " as " + BenchmarkRun.Postgres.user()
          + " (set benchmark.postgres.url/user/password, or run with -Dbenchmark.databases=h2): " + e.getMessage(), e);
    }
  }

  private static String camundaVersion() {
    try {
      return org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion();
    } catch (RuntimeException | LinkageError e) {
      return "?";
    }
  }

  private static int integer(Properties p, String key) {
    return Integer.parseInt(p.getProperty(key));
  }

  private static double number(Properties p, String key) {
    return Double.parseDouble(p.getProperty(key, "0"));
  }

  private static double casesPerSecond(Properties p) {
    return integer(p, "cases") / number(p, "seconds");
  }

  private static double pgPerCase(Properties p) {
    return (number(p, "pgCommits") + number(p, "pgRollbacks")) / integer(p, "cases");
  }

  private static String fixed(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String ratio(double value, double base) {
    return base == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2fx", value / base);
  }

  private static double perCase(Properties p, String key) {
    return number(p, key) / integer(p, "cases");
  }
}
