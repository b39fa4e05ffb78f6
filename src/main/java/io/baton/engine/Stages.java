package io.baton.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** A stage as the model defines it: the user task's id, name and the team (candidate group) that owns it. */
public record Stages(String id, String name, String team) {

  /** Process variable: who completed the last stage; the handoff that follows records it. */
  public static final String COMPLETED_BY = "stageCompletedBy";

  /** The stage {@code stageId} of the model the execution runs, or null when it names no user task. */
  public static Stages of(DelegateExecution execution, String stageId) {
    if (stageId == null || stageId.isBlank()) {
      return null;
    }
    if (!(execution.getBpmnModelInstance().getModelElementById(stageId) instanceof UserTask task)) {
      return null;
    }
    String groups = task.getCamundaCandidateGroups();
    String team = groups == null || groups.isBlank() ? null : groups.split(",")[0].trim();
    return new Stages(stageId, task.getName() == null ? stageId : task.getName(), team);
  }

  /** Identifies one execution of a process step, the same when that step is retried. */
  public static String stepKey(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
  }
}
