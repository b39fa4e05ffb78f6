package io.baton.sla;

import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.engine.ScanFailures;
import io.baton.notification.Glossary;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.notification.NotificationTemplates;
import io.baton.system.CaseContext;
import io.baton.system.ScanFinished;
import io.baton.notification.TemplateKey;
import io.baton.system.BatonClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on the SLA clocks: from the warning point, reminds the assignee (or the team while the
 * task is unclaimed) every working day until the task is done; at the due date adds the first
 * escalation group to the task, tells it and marks the case at risk; at the second threshold does
 * the same for the second group; reminds clients whose input a stage waits for. Each step is
 * taken with a conditional update first, so that of several Baton nodes exactly one takes it. Each step runs in its own transaction: one that fails
 * is reported ({@link ScanFailures}) and the scan goes on with the others.
 */
@Component
public class SlaScanner {

  /** Well below PostgreSQL's deadlock_timeout (1 s), so that the scanner, not a user, gives way. */
  static final Duration LOCK_TIMEOUT = Duration.ofMillis(100);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)");

  private final TaskSlaRepository clocks;
  private final BusinessCalendars calendars;
  private final TaskService taskService;
  private final NotificationService notifications;
  private final NotificationTemplates templates;
  private final CaseService cases;
  private final DelayWatch delays;
  private final ClientWaits waits;
  private final TransactionTemplate transaction;
  private final ScanFailures failures;
  private final JdbcTemplate jdbc;
  private final boolean enabled;
  private final ApplicationEventPublisher events;
  private Boolean postgres;

  SlaScanner(TaskSlaRepository clocks, BusinessCalendars calendars, TaskService taskService,
      NotificationService notifications, NotificationTemplates templates, CaseService cases, DelayWatch delays,
      ClientWaits waits, PlatformTransactionManager transactionManager, ScanFailures failures, JdbcTemplate jdbc,
      @Value("${baton.sla.scan:true}") boolean enabled, ApplicationEventPublisher events) {
    this.events = events;
    this.failures = failures;
    this.jdbc = jdbc;
    this.delays = delays;
    this.waits = waits;
    this.clocks = clocks;
    this.calendars = calendars;
    this.taskService = taskService;
    this.notifications = notifications;
    this.templates = templates;
    this.cases = cases;
    this.transaction = new TransactionTemplate(transactionManager);
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${baton.sla.scan-interval:PT1M}", initialDelayString = "${baton.sla.scan-interval:PT1M}",
      scheduler = SlaConfiguration.SCHEDULER)
  void onSchedule() {
    if (enabled) {
      scan();
    }
  }

  /** Takes every reminder and escalation that is due now; returns how many this node took. */
  public int scan() {
    long started = System.nanoTime();
    Instant now = BatonClock.now();
    int taken = 0;
    for (TaskSla clock : clocks.findReminderDue(now)) {
      taken += take(clock, "sla:" + clock.getTaskId() + ":reminder", () -> remind(clock, now));
    }
    for (TaskSla clock : clocks.findEscalationDue(now)) {
      taken += take(clock, "sla:" + clock.getTaskId() + ":escalation", () -> escalate(clock, now));
    }
    for (TaskSla clock : waits.clientRemindersDue(now)) {
      taken += take(clock, "sla:" + clock.getTaskId() + ":client-reminder", () -> waits.remind(clock, now)
          && taken(clock, SlaStepTaken.Kind.CLIENT_REMINDER, 0, now));
    }
    events.publishEvent(new ScanFinished(ScanFinished.SLA, taken, Duration.ofNanos(System.nanoTime() - started)));
    return taken;
  }

  /**
   * One step in its own transaction; 1 when this node took it. A failure stays with its item. On
   * PostgreSQL the step waits at most {@link #LOCK_TIMEOUT} for a row that someone else holds (a
   * task being completed, another node on the same step) and then gives way until the next scan:
   * it never waits long enough to be part of a deadlock that could fail a user's task completion.
   */
  private int take(TaskSla clock, String item, Supplier<Boolean> step) {
    try (CaseContext context = CaseContext.of(clock.getCaseKey())) {
      return Boolean.TRUE.equals(transaction.execute(status -> {
        if (onPostgres()) {
          jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
        }
        return step.get();
      })) ? 1 : 0;
    } catch (RuntimeException e) {
      failures.report(clock.getCaseKey(), item, e);
      return 0;
    }
  }

  private boolean remind(TaskSla clock, Instant now) {
    Task task = openTask(clock, now);
    if (task == null) {
      return false;
    }
    BusinessCalendar calendar = calendars.forTeam(clock.getTeam());
    Instant next = calendar.plusWorkingDays(clock.getNextReminderAt(), 1);
    while (!next.isAfter(now)) {
      next = calendar.plusWorkingDays(next, 1);
    }
    if (clocks.takeReminder(clock.getTaskId(), clock.getNextReminderAt(), next) != 1) {
      return false;
    }
    String assignee = task.getAssignee();
    told(notifications.notifyStaff(clock.getCaseKey(), NotificationTemplate.TASK_REMINDER.id(), assignee,
        assignee == null ? clock.getTeam() : null,
        "sla:" + clock.getTaskId() + ":reminder:" + (clock.getRemindersSent() + 1),
        details(clock, calendar, now)), assignee == null ? "team " + clock.getTeam() : "user " + assignee);
    delays.check(clock.getCaseKey(), task.getProcessDefinitionId(), now);
    return taken(clock, SlaStepTaken.Kind.REMINDER, 0, now);
  }

  private boolean escalate(TaskSla clock, Instant now) {
    Task task = openTask(clock, now);
    if (task == null) {
      return false;
    }
    int level = clock.getEscalationLevel() + 1;
    if (clocks.takeEscalation(clock.getTaskId(), level) != 1) {
      return false;
    }
    String group = level == 1 ? clock.getFirstEscalation() : clock.getSecondEscalation();
    taskService.addCandidateGroup(clock.getTaskId(), group);
    BusinessCalendar calendar = calendars.forTeam(clock.getTeam());
    Map<String, Object> details = details(clock, calendar, now);
    details.put(TemplateKey.ESCALATION_LEVEL.key(), level);
    details.put(TemplateKey.SECOND_LEVEL.key(), level > 1);
    details.put(TemplateKey.OVERDUE_BY.key(), describe(calendar.between(clock.getDueAt(), now)));
    told(notifications.notifyStaff(clock.getCaseKey(), NotificationTemplate.TASK_ESCALATED.id(), null, group,
        "sla:" + clock.getTaskId() + ":escalation:" + level, details), "team " + group);
    cases.markAtRisk(clock.getCaseKey());
    delays.check(clock.getCaseKey(), task.getProcessDefinitionId(), now);
    return taken(clock, SlaStepTaken.Kind.ESCALATION, level, now);
  }

  /** Tells Baton a step was taken, in its transaction; true. */
  private boolean taken(TaskSla clock, SlaStepTaken.Kind kind, int level, Instant now) {
    events.publishEvent(new SlaStepTaken(clock.getCaseKey(), clock.getStage(), kind, level, now));
    return true;
  }

  private boolean onPostgres() {
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }
    return postgres;
  }

  /**
   * A step whose message reaches nobody (a team without members, or none with an e-mail address)
   * is not taken: it fails, so that an operator sees it, and is tried again at the next scan.
   */
  private static void told(List<Notification> written, String whom) {
    if (written.isEmpty()) {
      throw new IllegalStateException("Nobody was told: " + whom + " has no member with an e-mail address.");
    }
  }

  /**
   * The clock's task while it is open, locked for this step; a task that is gone stops its clock.
   * A completion of the task meanwhile waits for this step, and this step for the completion.
   */
  private Task openTask(TaskSla clock, Instant now) {
    Task task = clocks.lockTask(clock.getTaskId()).isEmpty() ? null
        : taskService.createTaskQuery().taskId(clock.getTaskId()).singleResult();
    if (task == null) {
      clocks.complete(clock.getTaskId(), now);
    } else {
      CaseContext.processInstance(task.getProcessInstanceId());
    }
    return task;
  }

  private Map<String, Object> details(TaskSla clock, BusinessCalendar calendar, Instant now) {
    Map<String, Object> details = new HashMap<>();
    details.put(TemplateKey.STAGE_NAME.key(), term(Glossary.STAGE.key(clock.getStage()), clock.getStage()));
    if (clock.getTeam() != null) {
      details.put(TemplateKey.TEAM_NAME.key(), term(Glossary.TEAM.key(clock.getTeam()), clock.getTeam()));
    }
    details.put(TemplateKey.DUE_AT.key(), WHEN.format(clock.getDueAt().atZone(calendar.zone())));
    return details;
  }

  private String term(String key, String fallback) {
    String term = templates.term(Language.EN, key);
    return term == null ? fallback : term;
  }

  static String describe(Duration workingTime) {
    long minutes = Math.max(0, workingTime.toMinutes());
    return minutes < 60 ? minutes + " working minutes" : (minutes / 60) + " working hours";
  }
}
