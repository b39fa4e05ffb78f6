package io.baton.cases;

import io.baton.engine.CaseProcessEnded;
import io.baton.engine.StageStarted;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps each case's current stage and status in step with its process, in the engine's transaction. */
@Component
class CaseStageTracker {

  private final CaseRepository cases;

  CaseStageTracker(CaseRepository cases) {
    this.cases = cases;
  }

  /** First of all listeners: the others read the case's new stage. */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(StageStarted event) {
    cases.findByKey(event.caseKey()).ifPresent(c ->
        c.enterStage(event.stageId(), event.stageName(), event.team(), event.at()));
  }

  @EventListener
  void on(CaseProcessEnded event) {
    cases.findByKey(event.caseKey()).ifPresent(c -> c.end(event.completed(), event.at()));
  }
}
