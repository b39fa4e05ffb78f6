package io.baton.handoff;

import io.baton.engine.BuildingBlock;
import io.baton.engine.BuildingBlock.Inputs;
import io.baton.engine.Stages;
import io.baton.system.BatonClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Building block "Record handoff": {@code fromStage}, {@code toStage}, optional {@code kind}
 * (handoff or send-back), {@code note}, {@code reason}, {@code openQuestions},
 * {@code checklistDone}, {@code checklistOpen}. Also refreshes the timeline the next form shows.
 */
@Component("recordHandoff")
class RecordHandoffDelegate implements JavaDelegate {

  private final HandoffService handoffs;

  RecordHandoffDelegate(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    HandoffKind kind = BuildingBlock.KIND_SEND_BACK.equals(text(execution, Inputs.KIND))
        ? HandoffKind.SEND_BACK : HandoffKind.HANDOFF;
    handoffs.record(new RecordHandoff(caseKey, kind,
        stage(execution, Inputs.FROM_STAGE), completedBy(execution),
        stage(execution, Inputs.TO_STAGE),
        text(execution, Inputs.NOTE), text(execution, Inputs.REASON), text(execution, Inputs.OPEN_QUESTIONS),
        text(execution, Inputs.CHECKLIST_DONE), text(execution, Inputs.CHECKLIST_OPEN),
        Stages.stepKey(execution)), BatonClock.now());
    execution.getProcessInstance().setVariable(HandoffService.TIMELINE_VARIABLE, HandoffService.asText(handoffs.timeline(caseKey)));
  }

  private static Stages stage(DelegateExecution execution, String input) {
    String id = text(execution, input);
    Stages stage = Stages.of(execution, id);
    if (stage == null) {
      throw new IllegalArgumentException("'" + execution.getCurrentActivityId() + "' names the stage '" + id
          + "' in " + input + ", which is not a user task of this process");
    }
    return stage;
  }

  private static String completedBy(DelegateExecution execution) {
    Object user = execution.getVariable(Stages.COMPLETED_BY);
    return user == null ? null : user.toString();
  }

  private static String text(DelegateExecution execution, String input) {
    Object value = execution.getVariableLocal(input);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
