package io.baton.sla;

import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.engine.StageCompleted;
import io.baton.engine.StageDeadlines;
import io.baton.engine.StageStarted;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts each stage's SLA clock: the SLA policy gives the target for the case's service, tier and
 * stage; the team's business calendar turns it into a due date (the task's due date), a warning
 * point (its follow-up date) and a second escalation point. Runs in the engine's transaction.
 */
@Component
class SlaTracker implements StageDeadlines {

  private final SlaPolicy policy;
  private final BusinessCalendars calendars;
  private final CaseService cases;
  private final TaskSlaRepository clocks;

  SlaTracker(SlaPolicy policy, BusinessCalendars calendars, CaseService cases, TaskSlaRepository clocks) {
    this.policy = policy;
    this.calendars = calendars;
    this.cases = cases;
    this.clocks = clocks;
  }

  @Override
  public Optional<Deadline> deadlineFor(StageStarted stage) {
    Case theCase = cases.get(stage.caseKey());
    SlaTarget target = policy.targetFor(theCase.getService(), theCase.getTier().code(), stage.stageId());
    BusinessCalendar calendar = calendars.forTeam(stage.team());
    TaskSla clock = clocks.save(new TaskSla(stage.taskId(), stage.caseKey(), stage.stageId(), stage.team(),
        stage.at(), target,
        calendar.plus(stage.at(), target.warningAfter()),
        calendar.plus(stage.at(), target.target()),
        calendar.plus(stage.at(), target.secondEscalationAfter())));
    return Optional.of(new Deadline(clock.getDueAt(), clock.getWarnAt()));
  }

  /**
   * Stops the clock with a conditional update just before the completion commits, after the engine
   * wrote its rows: a scan of the same task at that moment is waited for or finds the clock
   * stopped, and the completion never fails for it.
   */
  @EventListener
  void on(StageCompleted completed) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          clocks.complete(completed.taskId(), completed.at());
        }
      });
    } else {
      clocks.complete(completed.taskId(), completed.at());
    }
  }
}
