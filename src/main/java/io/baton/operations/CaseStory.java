package io.baton.operations;

import io.baton.cases.CaseDelivered;
import io.baton.engine.CaseProcessEnded;
import io.baton.engine.StageCompleted;
import io.baton.engine.StageStarted;
import io.baton.followup.FollowUpSent;
import io.baton.handoff.HandoffKind;
import io.baton.handoff.HandoffRecorded;
import io.baton.notification.NotificationAttempted;
import io.baton.sla.DelayAnnounced;
import io.baton.sla.SlaStepTaken;
import io.baton.system.CaseContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the story of each case at INFO, under one logger ({@code io.baton.operations.CaseStory}),
 * with the case key in the logging context: stages started and completed, handoffs and send-backs,
 * delivery, reminders, escalations, delay notices, notifications sent or failed, follow-ups. Ids,
 * stages and teams only: never a client's address, a message body or a secret.
 */
@Component
class CaseStory {

  private static final Logger log = LoggerFactory.getLogger(CaseStory.class);

  @EventListener
  void on(StageStarted stage) {
    try (CaseContext context = CaseContext.of(stage.caseKey())) {
      log.info("Case {}: stage {} started, owned by team {} (task {})", stage.caseKey(), stage.stageId(),
          stage.team(), stage.taskId());
    }
  }

  @EventListener
  void on(StageCompleted stage) {
    try (CaseContext context = CaseContext.of(stage.caseKey())) {
      log.info("Case {}: stage {} completed by {} (task {})", stage.caseKey(), stage.stageId(),
          stage.completedBy() == null ? "a call without a user" : stage.completedBy(), stage.taskId());
    }
  }

  @EventListener
  void on(HandoffRecorded handoff) {
    try (CaseContext context = CaseContext.of(handoff.caseKey())) {
      log.info("Case {}: {} from {} to {}", handoff.caseKey(),
          handoff.kind() == HandoffKind.SEND_BACK ? "sent back" : "handed off", handoff.fromStage(), handoff.toStage());
    }
  }

  @EventListener
  void on(CaseDelivered delivered) {
    try (CaseContext context = CaseContext.of(delivered.caseKey())) {
      log.info("Case {}: delivered", delivered.caseKey());
    }
  }

  @EventListener
  void on(CaseProcessEnded ended) {
    try (CaseContext context = CaseContext.of(ended.caseKey())) {
      log.info("Case {}: process {}", ended.caseKey(), ended.completed() ? "completed" : "cancelled");
    }
  }

  @EventListener
  void on(SlaStepTaken step) {
    try (CaseContext context = CaseContext.of(step.caseKey())) {
      switch (step.kind()) {
        case REMINDER -> log.info("Case {}: reminder for stage {}", step.caseKey(), step.stage());
        case CLIENT_REMINDER -> log.info("Case {}: client reminded of the input stage {} waits for",
            step.caseKey(), step.stage());
        case ESCALATION -> log.info("Case {}: stage {} escalated, level {}{}", step.caseKey(), step.stage(),
            step.level(), step.breach() ? " (due date passed)" : "");
      }
    }
  }

  @EventListener
  void on(DelayAnnounced delay) {
    try (CaseContext context = CaseContext.of(delay.caseKey())) {
      log.info("Case {}: delay notice, promise moves from {} to {}", delay.caseKey(), delay.previousPromise(),
          delay.newPromise());
    }
  }

  @EventListener
  void on(NotificationAttempted attempt) {
    if (attempt.caseKey() == null) {
      return; // not a case's (or not readable): the dispatcher logs it
    }
    try (CaseContext context = CaseContext.of(attempt.caseKey())) {
      switch (attempt.outcome()) {
        case SENT -> log.info("Case {}: notification {} ({}, {}) sent in {} ms", attempt.caseKey(), attempt.id(),
            attempt.template(), attempt.channel(), attempt.took().toMillis());
        case RETRYING -> log.info("Case {}: notification {} ({}, {}) failed; it is tried again", attempt.caseKey(),
            attempt.id(), attempt.template(), attempt.channel());
        case FAILED -> log.warn("Case {}: notification {} ({}, {}) failed for good; an operator may retry it",
            attempt.caseKey(), attempt.id(), attempt.template(), attempt.channel());
        case HELD -> log.info("Case {}: notification {} ({}, {}) held until its channel is set up",
            attempt.caseKey(), attempt.id(), attempt.template(), attempt.channel());
      }
    }
  }

  @EventListener
  void on(FollowUpSent followUp) {
    try (CaseContext context = CaseContext.of(followUp.caseKey())) {
      log.info("Case {}: follow-up {} sent", followUp.caseKey(), followUp.kind());
    }
  }
}
