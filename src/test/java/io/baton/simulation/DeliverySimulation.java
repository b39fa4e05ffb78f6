package io.baton.simulation;

// A month of a simulated service business, on Baton itself, on the engine clock:
//
//   mvn -Psimulation test-compile exec:exec [-Dsimulation.cases=2000] [-Dsimulation.seed=42]
//
// (offline: add -o). Optional: -Dsimulation.stepMinutes=30 (how often the SLA scanner runs, in
// minutes of the working day), -Dsimulation.jvmArgs="-Xms1g -Xmx2g".

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;

import io.baton.BatonApplication;
import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.CasePromises;
import io.baton.cases.CaseService;
import io.baton.cases.OpenCase;
import io.baton.cases.PromiseEvent;
import io.baton.cases.PromiseKind;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.engine.StageOrder;
import io.baton.notification.Audience;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.sla.ClientWaits;
import io.baton.sla.SlaPolicy;
import io.baton.sla.SlaScanner;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a month of a simulated service business through the real Baton application (in-memory H2,
 * engine clock, no real waiting) and compares Baton's delay notices with a baseline policy that
 * only warns when a stage passes 75 % of its SLA target.
 *
 * <pre>
 *   mvn -Psimulation test-compile exec:exec [-Dsimulation.cases=2000] [-Dsimulation.seed=42]
 * </pre>
 *
 * <p>The month: the engine clock starts on Monday 1 March 2027, 08:00 in Sofia. Cases open at
 * random working times over the first {@value #OPENING_WORKING_DAYS} working days (about three
 * weeks), for both services and all three tiers; each is promised what the SLA targets add up to
 * on the teams' calendars, plus 0 to 5 working days of slack, as a sales team would. Each stage
 * really takes a random business time around its SLA target (see {@link SimulatedCase.Dice}); about
 * a tenth of the cases are sent back by QA once (another Delivery and Quality review round) and a
 * fifth wait for the client in Delivery for 1 to 5 working days ({@link ClientWaits#waitFor} and
 * {@link ClientWaits#inputReceived}). Time moves in steps of 30 minutes through the working day
 * (08:00-17:00, nights, weekends and holidays jumped over); at each step the cases due to open are
 * opened ({@link CaseService#open}), every task whose work is done is completed through
 * {@link TaskService} (at the exact minute it was done) and {@link SlaScanner#scan()} runs. A case
 * stops at delivery (its Handover completed), which is what the promised date is about.
 *
 * <p>The two policies, on the same cases and the same timeline:
 * <ul>
 *   <li><b>Baton</b>: the client notifications with template {@code delay-notice} it really wrote
 *       (Baton's forecast at each stage start and at each SLA reminder or escalation).
 *   <li><b>Baseline</b>: computed from the timeline, no second run: the first moment any stage of
 *       the case has been open for 75 % of its SLA target (business time on its team's calendar,
 *       from the stage's start, the client wait not counted, as on Baton's SLA clocks) and is still
 *       not done; one notice then.
 * </ul>
 * Both are judged against the ORIGINAL promise (the MADE event): a promise is broken when the
 * service was delivered after that date (the client's date).
 */
public final class DeliverySimulation {

  static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  static final LocalDateTime START = LocalDateTime.of(2027, 3, 1, 8, 0);
  static final int OPENING_WORKING_DAYS = 15;
  /** The scanner's working day: covers every team's hours (delivery 08:00-16:00, the others 09:00-17:00). */
  static final LocalTime DAY_START = LocalTime.of(8, 0);
  static final LocalTime DAY_END = LocalTime.of(17, 0);
  /** Gives up when cases are still not delivered this long after the start. */
  static final Duration LIMIT = Duration.ofDays(183);
  static final String NOTICE_TEMPLATE = NotificationTemplate.DELAY_NOTICE.id();
  static final List<String> STAGES = List.of(TASK_KICKOFF, TASK_INTAKE, TASK_DELIVERY, TASK_QUALITY_REVIEW,
      TASK_HANDOVER);

  private enum Kind { OPEN, WAIT_START, WAIT_END, FINISH }

  private record Event(Instant at, long seq, Kind kind, SimulatedCase theCase) {}

  private final PrintStream out = System.out;
  private final int caseCount;
  private final long seed;
  private final int stepMinutes;

  private final CaseService caseService;
  private final CasePromises promises;
  private final NotificationService notifications;
  private final ClientWaits waits;
  private final SlaScanner scanner;
  private final SlaPolicy policy;
  private final BusinessCalendars calendars;
  private final TaskService taskService;
  private final String processDefinitionId;
  private final StageOrder stageOrder;
  private final Map<String, Duration> targets = new HashMap<>();

  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      Comparator.comparing(Event::at).thenComparingLong(Event::seq));
  private long sequence;
  private Instant now;
  private final List<SimulatedCase> cases = new ArrayList<>();
  private int opened;
  private int delivered;
  private long scans;
  private long scanTaken;
  private final List<String> warnings = new ArrayList<>();
  /** Wall time spent in Baton, by what the simulation asked of it (nanoseconds). */
  private final Map<String, Long> spent = new java.util.LinkedHashMap<>();

  private DeliverySimulation(ConfigurableApplicationContext app, int caseCount, long seed, int stepMinutes) {
    this.caseCount = caseCount;
    this.seed = seed;
    this.stepMinutes = stepMinutes;
    this.caseService = app.getBean(CaseService.class);
    this.promises = app.getBean(CasePromises.class);
    this.notifications = app.getBean(NotificationService.class);
    this.waits = app.getBean(ClientWaits.class);
    this.scanner = app.getBean(SlaScanner.class);
    this.policy = app.getBean(SlaPolicy.class);
    this.calendars = app.getBean(BusinessCalendars.class);
    this.taskService = app.getBean(TaskService.class);
    this.stageOrder = app.getBean(StageOrder.class);
    this.processDefinitionId = app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(ServiceDeliveryProcess.KEY).latestVersion().singleResult().getId();
  }

  public static void main(String[] args) {
    int caseCount = Integer.getInteger("simulation.cases", 2000);
    long seed = Long.getLong("simulation.seed", 42L);
    int stepMinutes = Integer.getInteger("simulation.stepMinutes", 30);
    if (caseCount < 1 || stepMinutes < 1 || stepMinutes > 540) {
      System.err.println("simulation.cases must be >= 1 and simulation.stepMinutes between 1 and 540");
      System.exit(2);
    }
    int status = 0;
    long started = System.nanoTime();
    System.out.printf("Starting Baton (in-memory H2) for %d simulated cases, seed %d ...%n", caseCount, seed);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BatonApplication.class)
        .web(WebApplicationType.SERVLET) // the REST starter needs it; on a random port
        .logStartupInfo(false)
        .run(
            "--spring.main.banner-mode=off",
            "--server.port=0",
            // an active profile keeps the default one (demo) off, as in production
            "--spring.profiles.active=simulation",
            "--spring.datasource.url=jdbc:h2:mem:sim;DB_CLOSE_DELAY=-1",
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false",
            // the simulation runs the SLA scanner itself, on the engine clock; nothing is sent
            "--baton.notifications.dispatch=false",
            "--baton.sla.scan=false",
            "--baton.admin.user=simulation-admin",
            "--baton.admin.password=" + UUID.randomUUID(),
            "--baton.secrets.key=" + io.baton.testing.IntegrationSettings.SECRETS_KEY,
            // quiet: Baton's own warnings only
            "--logging.level.root=ERROR",
            "--logging.level.io.baton=WARN")) {
      double startup = (System.nanoTime() - started) / 1e9;
      DeliverySimulation simulation = new DeliverySimulation(app, caseCount, seed, stepMinutes);
      simulation.run(started, startup);
    } catch (Throwable failure) {
      failure.printStackTrace();
      status = 1;
    } finally {
      ClockUtil.reset();
    }
    System.exit(status); // the engine's and Tomcat's threads do not end on their own
  }

  // ---------------------------------------------------------------------------------------------

  private void run(long started, double startupSeconds) {
    Instant start = START.atZone(SOFIA).toInstant();
    setClock(start);
    roll(start);
    long loopStart = System.nanoTime();
    out.printf("Simulating from %s (engine clock), a scan every %d working minutes%n", START, stepMinutes);
    Instant limit = start.plus(LIMIT);
    Instant step = start;
    LocalDate lastReported = START.toLocalDate();
    while (delivered < caseCount && step.isBefore(limit)) {
      while (!queue.isEmpty() && !queue.peek().at().isAfter(step)) {
        Event event = queue.poll();
        setClock(event.at());
        long t = System.nanoTime();
        handle(event);
        spent.merge(event.kind().name().toLowerCase(Locale.ROOT), System.nanoTime() - t, Long::sum);
      }
      setClock(step);
      long t = System.nanoTime();
      scanTaken += scanner.scan();
      spent.merge("scan", System.nanoTime() - t, Long::sum);
      scans++;
      Instant next = nextStep(step);
      LocalDate nextDay = next.atZone(SOFIA).toLocalDate();
      if (nextDay.getDayOfWeek() == DayOfWeek.MONDAY && !nextDay.equals(lastReported)
          || delivered == caseCount) {
        lastReported = nextDay;
        out.printf("  %s  opened %5d  delivered %5d  in progress %5d   (%.0f s)%n",
            step.atZone(SOFIA).toLocalDate(), opened, delivered, opened - delivered,
            (System.nanoTime() - loopStart) / 1e9);
      }
      step = next;
    }
    double loopSeconds = (System.nanoTime() - loopStart) / 1e9;
    if (delivered < caseCount) {
      warnings.add((caseCount - delivered) + " of " + caseCount + " cases were not delivered by " + limit.atZone(SOFIA)
          + " (engine clock); they are left out of the figures");
    }
    long metricsStart = System.nanoTime();
    report(started, startupSeconds, loopSeconds, metricsStart);
  }

  /** Draws every case's plan from the seed, and schedules its opening. */
  private void roll(Instant start) {
    SimulatedCase.Dice dice = new SimulatedCase.Dice((service, tier, stage) -> target(service, tier, stage));
    BusinessCalendar openers = calendar(TASK_KICKOFF);
    Instant firstOpening = openers.nextWorkingTime(start);
    Random master = new Random(seed);
    List<long[]> draws = new ArrayList<>();
    for (int i = 0; i < caseCount; i++) {
      long minute = (long) (master.nextDouble() * OPENING_WORKING_DAYS * 8 * 60);
      draws.add(new long[] {minute, master.nextLong()});
    }
    draws.sort(Comparator.comparingLong(d -> d[0]));
    for (int i = 0; i < caseCount; i++) {
      Instant openAt = openers.plus(firstOpening, Duration.ofMinutes(draws.get(i)[0]));
      SimulatedCase simulated = dice.roll(i + 1, draws.get(i)[1], openAt);
      cases.add(simulated);
      schedule(openAt, Kind.OPEN, simulated);
    }
  }

  private void handle(Event event) {
    SimulatedCase c = event.theCase();
    switch (event.kind()) {
      case OPEN -> open(c);
      case WAIT_START -> {
        waits.waitFor(c.key, "the final texts and the logo for " + c.externalReference);
        c.current().pauseStart = now;
        Instant back = calendars.forClient(SOFIA).plusWorkingDays(now, c.currentPlan().waitDays());
        schedule(back, Kind.WAIT_END, c);
      }
      case WAIT_END -> {
        waits.inputReceived(c.key);
        c.current().pauseEnd = now;
        schedule(calendar(c.current().stage).plus(now, c.remainingAfterWait), Kind.FINISH, c);
      }
      case FINISH -> finish(c);
    }
  }

  private void open(SimulatedCase c) {
    c.promisedDate = promise(c);
    CaseService.Opened result = caseService.open(new OpenCase(c.externalReference, "Client " + c.index,
        "client-" + c.index + "@simulation.example", c.language, SOFIA, c.service, c.tier, c.promisedDate));
    if (!result.created()) {
      throw new IllegalStateException("Case " + c.externalReference + " existed already");
    }
    c.key = result.theCase().getKey();
    opened++;
    Task kickoff = taskService.createTaskQuery().processInstanceBusinessKey(c.key).singleResult();
    if (kickoff == null) {
      throw new IllegalStateException("No Kickoff task for " + c.key);
    }
    c.processInstanceId = kickoff.getProcessInstanceId();
    startStage(c, kickoff);
  }

  /** What a sales team promises: the SLA targets of every stage up to delivery, plus some slack. */
  private LocalDate promise(SimulatedCase c) {
    Instant finish = now;
    for (String stage : STAGES) {
      finish = calendar(stage).plus(finish, target(c.service, c.tier, stage));
    }
    BusinessCalendar client = calendars.forClient(SOFIA);
    LocalDate date = finish.atZone(SOFIA).toLocalDate();
    for (int added = 0; added < c.slackDays; ) {
      date = date.plusDays(1);
      if (client.isWorkingDay(date)) {
        added++;
      }
    }
    return date;
  }

  private void startStage(SimulatedCase c, Task task) {
    SimulatedCase.PlannedStage planned = c.currentPlan();
    if (task == null || !planned.stage().equals(task.getTaskDefinitionKey())) {
      throw new IllegalStateException("Case " + c.key + " expected " + planned.stage() + ", the engine has "
          + (task == null ? "no task" : task.getTaskDefinitionKey()));
    }
    SimulatedCase.StageRun run = new SimulatedCase.StageRun(planned.stage(), team(planned.stage()), task.getId(), now,
        target(c.service, c.tier, planned.stage()));
    c.runs.add(run);
    BusinessCalendar calendar = calendar(planned.stage());
    if (planned.waitsForClient()) {
      Duration before = Duration.ofMinutes(Math.max(1, Math.round(planned.work().toMinutes() * planned.waitAt())));
      c.remainingAfterWait = planned.work().minus(before);
      schedule(calendar.plus(now, before), Kind.WAIT_START, c);
    } else {
      schedule(calendar.plus(now, planned.work()), Kind.FINISH, c);
    }
  }

  private void finish(SimulatedCase c) {
    SimulatedCase.PlannedStage planned = c.currentPlan();
    SimulatedCase.StageRun run = c.current();
    taskService.complete(run.taskId, variables(planned));
    run.end = now;
    c.cursor++;
    if (c.cursor == c.plan.size()) {
      c.deliveredAt = now;
      delivered++;
      return;
    }
    startStage(c, taskService.createTaskQuery().processInstanceId(c.processInstanceId).singleResult());
  }

  private static Map<String, Object> variables(SimulatedCase.PlannedStage planned) {
    return switch (planned.stage()) {
      case TASK_KICKOFF -> Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "Scope as quoted.");
      case TASK_INTAKE -> Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "Planned and assigned.");
      case TASK_DELIVERY -> Map.of(Variables.DELIVERY_NOTE, "Done; see staging.");
      case TASK_QUALITY_REVIEW -> Map.of(Variables.QA_APPROVED, planned.approved(), Variables.QA_NOTE,
          planned.approved() ? "All checks pass." : "Two pages fail the accessibility check.");
      case TASK_HANDOVER -> Map.of(Variables.CLIENT_ACCEPTED, true, Variables.HANDOVER_NOTE, "Accepted.");
      default -> throw new IllegalStateException("No variables for stage " + planned.stage());
    };
  }

  // ---------------------------------------------------------------------------------------------

  private void schedule(Instant at, Kind kind, SimulatedCase c) {
    queue.add(new Event(at, sequence++, kind, c));
  }

  private void setClock(Instant at) {
    if (now != null && at.isBefore(now)) {
      throw new IllegalStateException("The clock would go back from " + now + " to " + at);
    }
    now = at;
    ClockUtil.setCurrentTime(Date.from(at));
  }

  /** The next scan: {@code stepMinutes} later in the working day, else the next working day's start. */
  private Instant nextStep(Instant step) {
    ZonedDateTime current = step.atZone(SOFIA);
    ZonedDateTime next = current.plusMinutes(stepMinutes);
    if (next.toLocalDate().equals(current.toLocalDate()) && !next.toLocalTime().isAfter(DAY_END)) {
      return next.toInstant();
    }
    BusinessCalendar calendar = calendars.defaultCalendar();
    LocalDate day = current.toLocalDate().plusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day.atTime(DAY_START).atZone(SOFIA).toInstant();
  }

  private Duration target(String service, Tier tier, String stage) {
    return targets.computeIfAbsent(service + "/" + tier.code() + "/" + stage,
        k -> policy.targetFor(service, tier.code(), stage).target());
  }

  private String team(String stage) {
    return stageOrder.teamOf(processDefinitionId, stage);
  }

  private BusinessCalendar calendar(String stage) {
    return calendars.forTeam(team(stage));
  }

  // ---------------------------------------------------------------------------------------------

  private void report(long started, double startupSeconds, double loopSeconds, long metricsStart) {
    BusinessCalendar client = calendars.forClient(SOFIA);
    List<PolicyOutcome.CaseView> batonViews = new ArrayList<>();
    List<PolicyOutcome.CaseView> baselineViews = new ArrayList<>();
    int promiseMismatches = 0;
    int deliveryMismatches = 0;
    int changesWithoutNotice = 0;
    int stages = 0;
    int overran = 0;
    int waitCases = 0;
    int sentBack = 0;
    Map<String, Integer> byService = new java.util.TreeMap<>();
    Map<String, Integer> byTier = new java.util.LinkedHashMap<>();
    for (Tier tier : Tier.values()) {
      byTier.put(tier.code(), 0);
    }
    LocalDate lastOpened = null;
    Instant lastDelivery = null;
    List<Integer> leadTimes = new ArrayList<>();
    SimulatedCase slowest = null;
    int slowestDays = -1;
    for (SimulatedCase c : cases) {
      if (c.deliveredAt == null) {
        continue;
      }
      byService.merge(c.service, 1, Integer::sum);
      byTier.merge(c.tier.code(), 1, Integer::sum);
      waitCases += c.waits ? 1 : 0;
      sentBack += c.sentBack ? 1 : 0;
      LocalDate openedOn = c.openAt.atZone(SOFIA).toLocalDate();
      lastOpened = lastOpened == null || openedOn.isAfter(lastOpened) ? openedOn : lastOpened;
      lastDelivery = lastDelivery == null || c.deliveredAt.isAfter(lastDelivery) ? c.deliveredAt : lastDelivery;
      int took = client.workingDaysAfter(openedOn, c.deliveredAt.atZone(SOFIA).toLocalDate());
      leadTimes.add(took);
      if (took > slowestDays) {
        slowest = c;
        slowestDays = took;
      }

      // Baton, from what it recorded: the promise history and the client notifications.
      List<PromiseEvent> history = promises.history(c.key);
      LocalDate made = history.stream().filter(e -> e.getKind() == PromiseKind.MADE).findFirst()
          .map(PromiseEvent::getPromisedDate).orElse(null);
      PromiseEvent end = history.stream()
          .filter(e -> e.getKind() == PromiseKind.KEPT || e.getKind() == PromiseKind.BROKEN)
          .findFirst().orElse(null);
      long changes = history.stream().filter(e -> e.getKind() == PromiseKind.CHANGED).count();
      List<Instant> batonNotices = notifications.list(null, c.key).stream()
          .filter(n -> n.getAudience() == Audience.CLIENT && NOTICE_TEMPLATE.equals(n.getTemplate()))
          .map(n -> n.getCreatedAt())
          .toList();
      if (made == null || !made.equals(c.promisedDate)) {
        promiseMismatches++;
        made = c.promisedDate;
      }
      LocalDate deliveredOn = c.deliveredAt.atZone(SOFIA).toLocalDate();
      if (end == null || !end.getRecordedAt().atZone(SOFIA).toLocalDate().equals(deliveredOn)) {
        deliveryMismatches++;
      } else {
        deliveredOn = end.getRecordedAt().atZone(SOFIA).toLocalDate();
      }
      if (changes != batonNotices.size()) {
        changesWithoutNotice++;
      }
      batonViews.add(new PolicyOutcome.CaseView(made, deliveredOn, batonNotices));

      // The baseline, from the same timeline.
      Instant first = null;
      for (SimulatedCase.StageRun run : c.runs) {
        stages++;
        BusinessCalendar calendar = calendars.forTeam(run.team);
        if (worked(calendar, run, run.end).compareTo(run.target) > 0) {
          overran++;
        }
        Instant warning = pointOnSlaClock(calendar, run, run.target.multipliedBy(75).dividedBy(100));
        if (run.end.isAfter(warning) && (first == null || warning.isBefore(first))) {
          first = warning;
        }
      }
      baselineViews.add(new PolicyOutcome.CaseView(made, deliveredOn, first == null ? List.of() : List.of(first)));
    }
    PolicyOutcome baton = PolicyOutcome.of("Baton", batonViews, client);
    PolicyOutcome baseline = PolicyOutcome.of("Baseline", baselineViews, client);
    if (promiseMismatches > 0) {
      warnings.add(promiseMismatches + " cases: Baton's MADE promise differs from the simulation's (the simulation's used)");
    }
    if (deliveryMismatches > 0) {
      warnings.add(deliveryMismatches + " cases: Baton's KEPT/BROKEN date differs from the simulated delivery "
          + "(the simulation's used)");
    }
    if (changesWithoutNotice > 0) {
      warnings.add(changesWithoutNotice + " cases: the number of CHANGED promises differs from the delay notices");
    }
    double metricsSeconds = (System.nanoTime() - metricsStart) / 1e9;
    double wallSeconds = (System.nanoTime() - started) / 1e9;

    int n = batonViews.size();
    out.println();
    out.println("Baton delivery simulation: a month of a service business on the engine clock");
    out.println("==========================================================================");
    out.printf("N = %d cases, seed %d; Baton %s on in-memory H2, Camunda %s, job executor off%n", caseCount, seed,
        "(real application, no demo profile)", camundaVersion());
    out.printf("Opened %s .. %s (random working times, %d working days), clients in %s; last delivery %s%n",
        START.toLocalDate(), lastOpened, OPENING_WORKING_DAYS, SOFIA,
        lastDelivery == null ? "-" : lastDelivery.atZone(SOFIA).toLocalDate());
    out.printf("Services %s; tiers %s%n", byService, byTier);
    out.printf(Locale.ROOT, "Promise at opening: the SLA targets of Kickoff..Handover on the teams' calendars + 0-%d "
        + "working days of slack%n", SimulatedCase.Dice.MAX_SLACK_DAYS);
    out.printf(Locale.ROOT, "Stage work: lognormal, median %.1fx its SLA target, sigma %.2f, %.0f %% of stages 1.5-3x "
        + "longer; %d of %d stages (%.1f %%) overran their target%n",
        SimulatedCase.Dice.MEDIAN_SHARE, SimulatedCase.Dice.SIGMA, 100 * SimulatedCase.Dice.TROUBLE, overran, stages,
        PolicyOutcome.share(overran, stages));
    out.printf(Locale.ROOT, "QA send-backs %d (%.1f %%), client waits in Delivery (1-5 working days) %d (%.1f %%)%n",
        sentBack, PolicyOutcome.share(sentBack, n), waitCases, PolicyOutcome.share(waitCases, n));
    out.printf(Locale.ROOT, "Delivered %d of %d; promises broken (delivered after the ORIGINAL promised date): %d (%.1f %%)%n",
        n, caseCount, baton.broken, PolicyOutcome.share(baton.broken, n));
    if (slowest != null) {
      out.printf(Locale.ROOT, "Opening to delivery, working days: median %s, p90 %s, max %d (%s, %s %s, opened %s)%n",
          number(PolicyOutcome.median(leadTimes)), number(PolicyOutcome.quantile(leadTimes, 0.9)), slowestDays,
          slowest.key, slowest.service, slowest.tier.code(), slowest.openAt.atZone(SOFIA).toLocalDate());
    }
    out.printf("SLA scans %d (every %d working minutes), reminders/escalations/client reminders taken %d%n",
        scans, stepMinutes, scanTaken);
    out.println();

    String row = "%-50s %-24s %-24s%n";
    out.printf(row, "", "Baton (forecast)", "Baseline (75 % of SLA)");
    out.printf(row, "Broken promises announced before the date",
        percent(baton.announcedBefore, baton.broken), percent(baseline.announcedBefore, baseline.broken));
    out.printf(row, "Median lead time of those notices, calendar days",
        days(baton.leadCalendarDays), days(baseline.leadCalendarDays));
    out.printf(row, "  the same in client working days",
        days(baton.leadWorkingDays), days(baseline.leadWorkingDays));
    out.printf(row, "Delay notices that proved unnecessary",
        percent(baton.unnecessaryNotices, baton.notices), percent(baseline.unnecessaryNotices, baseline.notices));
    out.println("--");
    out.printf(row, "Delay notices sent", baton.notices, baseline.notices);
    out.printf(row, "Cases with a notice", baton.casesNoticed, baseline.casesNoticed);
    out.printf(row, "Kept promises that got a notice (cases)",
        percent(baton.keptCasesNoticed, n - baton.broken), percent(baseline.keptCasesNoticed, n - baseline.broken));
    out.printf(row, "Broken promises announced only on/after the date",
        percent(baton.announcedLate, baton.broken), percent(baseline.announcedLate, baseline.broken));
    out.printf(row, "Broken promises never announced",
        percent(baton.broken - baton.announcedBefore - baton.announcedLate, baton.broken),
        percent(baseline.broken - baseline.announcedBefore - baseline.announcedLate, baseline.broken));
    out.println();
    out.println("Announced before: a delay notice dated (client's zone) strictly before the original promised date.");
    out.println("Lead time: original promised date minus the date of the case's first notice; median (IQR: p25-p75).");
    out.println("Unnecessary: notices on cases delivered by their original promised date (all of a case's notices count).");
    out.println("Baton: client notifications 'delay-notice' it wrote. Baseline: one notice per case, at the first moment a");
    out.println("stage has run 75 % of its SLA target (team calendar, client wait not counted) and is still not done.");
    out.println();
    out.printf(Locale.ROOT, "Wall time %s: start-up %.0f s, simulation %.0f s, figures %.0f s%n",
        minutes(wallSeconds), startupSeconds, loopSeconds, metricsSeconds);
    StringBuilder inBaton = new StringBuilder();
    spent.forEach((what, nanos) -> inBaton.append(inBaton.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.0f s", what, nanos / 1e9)));
    out.println("Simulation time in Baton calls: " + inBaton);
    if (warnings.isEmpty()) {
      out.println("Sanity: every case delivered; Baton's promise history and notices agree with the simulated timeline.");
    } else {
      warnings.forEach(w -> out.println("WARNING: " + w));
    }
  }

  /** SLA business time a stage has run by {@code at}: its team's working time since the start, without the wait. */
  private static Duration worked(BusinessCalendar calendar, SimulatedCase.StageRun run, Instant at) {
    Duration worked = calendar.between(run.start, at);
    if (run.pauseStart != null && run.pauseEnd != null) {
      worked = worked.minus(calendar.between(run.pauseStart, run.pauseEnd));
    }
    return worked;
  }

  /** When the stage's SLA clock reaches {@code point}: working time from its start, the wait not counted. */
  private static Instant pointOnSlaClock(BusinessCalendar calendar, SimulatedCase.StageRun run, Duration point) {
    if (run.pauseStart != null && run.pauseEnd != null) {
      Duration before = calendar.between(run.start, run.pauseStart);
      if (before.compareTo(point) < 0) {
        return calendar.plus(run.pauseEnd, point.minus(before));
      }
    }
    return calendar.plus(run.start, point);
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", PolicyOutcome.share(part, whole), part, whole);
  }

  private static String days(List<Integer> values) {
    if (values.isEmpty()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%s (IQR %s-%s)", number(PolicyOutcome.median(values)),
        number(PolicyOutcome.quantile(values, 0.25)), number(PolicyOutcome.quantile(values, 0.75)));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String minutes(double seconds) {
    long s = Math.round(seconds);
    return s / 60 + " min " + s % 60 + " s";
  }

  private static String camundaVersion() {
    try {
      return org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion();
    } catch (RuntimeException | LinkageError e) {
      return "?";
    }
  }
}
