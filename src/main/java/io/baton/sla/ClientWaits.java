package io.baton.sla;

import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.notification.Channel;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.notification.TemplateKey;
import io.baton.system.BatonClock;
import io.baton.system.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stage waiting for the client: its SLA clock stops, the client is asked for what is missing
 * and reminded every few working days (on the client's own calendar) in their language; when the
 * input arrives, the clock runs again and every date still ahead moves by the time it stood.
 */
@Service
public class ClientWaits {


  public record Waiting(String caseKey, int stages, Instant since, String request) {}

  public record Resumed(String caseKey, int stages, Duration pausedFor) {}

  private final TaskSlaRepository clocks;
  private final BusinessCalendars calendars;
  private final CaseService cases;
  private final NotificationService notifications;
  private final TaskService taskService;
  private final int intervalDays;

  ClientWaits(TaskSlaRepository clocks, BusinessCalendars calendars, CaseService cases,
      NotificationService notifications, TaskService taskService,
      @Value("${baton.sla.client-reminder-days:2}") int intervalDays) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.cases = cases;
    this.notifications = notifications;
    this.taskService = taskService;
    this.intervalDays = intervalDays;
  }

  /** The case's open stage waits for the client, who is asked for {@code request} now. */
  @Transactional
  public Waiting waitFor(String caseKey, String request) {
    Case theCase = cases.get(caseKey);
    List<TaskSla> open = lockOpen(caseKey);
    if (open.isEmpty()) {
      throw new ConflictException("Case " + caseKey + " has no open stage that could wait for the client.");
    }
    open.stream().filter(clock -> clock.getPausedSince() != null).findFirst().ifPresent(clock -> {
      throw new ConflictException("Case " + caseKey + " has been waiting for the client since "
          + clock.getPausedSince() + ".");
    });
    Instant now = now();
    Instant firstReminder = clientCalendar(theCase).plusWorkingDays(now, intervalDays);
    open.forEach(clock -> clock.pause(now, request, firstReminder));
    tellClient(theCase, request, now, "wait:" + caseKey + ":" + now.toEpochMilli());
    return new Waiting(caseKey, open.size(), now, request);
  }

  /** The client's input arrived: the clocks run again, their dates moved by the wait. */
  @Transactional
  public Resumed inputReceived(String caseKey) {
    cases.get(caseKey);
    List<TaskSla> waiting = lockOpen(caseKey).stream()
        .filter(clock -> clock.getPausedSince() != null).toList();
    if (waiting.isEmpty()) {
      throw new ConflictException("Case " + caseKey + " is not waiting for the client.");
    }
    Instant now = now();
    Duration longest = Duration.ZERO;
    for (TaskSla clock : waiting) {
      BusinessCalendar calendar = calendars.forTeam(clock.getTeam());
      Duration paused = calendar.between(clock.getPausedSince(), now);
      clock.resume(paused, at -> calendar.plus(at, paused));
      Task task = taskService.createTaskQuery().taskId(clock.getTaskId()).singleResult();
      if (task != null) {
        task.setDueDate(java.util.Date.from(clock.getDueAt()));
        task.setFollowUpDate(java.util.Date.from(clock.getWarnAt()));
        taskService.saveTask(task);
      }
      longest = paused.compareTo(longest) > 0 ? paused : longest;
    }
    return new Resumed(caseKey, waiting.size(), longest);
  }

  /**
   * The case's open clocks, locked until the request's transaction ends (their tasks first, as a
   * task completion takes them): of two requests at once, the second waits and sees the first.
   */
  private List<TaskSla> lockOpen(String caseKey) {
    clocks.openTaskIds(caseKey).forEach(clocks::lockTask);
    return clocks.lockOpen(caseKey);
  }

  /** The clocks whose client is due a reminder now. */
  List<TaskSla> clientRemindersDue(Instant now) {
    return clocks.findClientReminderDue(now);
  }

  /** Reminds the client of one waiting clock, in the caller's transaction; false when another node took it. */
  boolean remind(TaskSla clock, Instant now) {
    Case theCase = cases.get(clock.getCaseKey());
    BusinessCalendar calendar = clientCalendar(theCase);
    Instant next = calendar.plusWorkingDays(clock.getNextClientReminderAt(), intervalDays);
    while (!next.isAfter(now)) {
      next = calendar.plusWorkingDays(next, intervalDays);
    }
    if (clocks.takeClientReminder(clock.getTaskId(), clock.getNextClientReminderAt(), next) != 1) {
      return false;
    }
    tellClient(theCase, clock.getPausedReason(), clock.getPausedSince(), "wait:" + clock.getCaseKey() + ":"
        + clock.getPausedSince().toEpochMilli() + ":" + (clock.getClientRemindersSent() + 1));
    return true;
  }

  private void tellClient(Case theCase, String request, Instant since, String step) {
    notifications.notifyClient(theCase.getKey(), NotificationTemplate.CLIENT_INPUT_REMINDER.id(),
        EnumSet.allOf(Channel.class), step, language -> Map.of(
        TemplateKey.REASON.key(), request,
        TemplateKey.WAITING_SINCE.key(), NotificationService.formatDate(
            since.atZone(theCase.getClient().getTimeZone()).toLocalDate(), language)));
  }

  private BusinessCalendar clientCalendar(Case theCase) {
    return calendars.forClient(theCase.getClient().getTimeZone());
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
