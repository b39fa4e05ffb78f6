package io.baton.testing;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.delivery.ServiceDeliveryProcess.Variables;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/** Walks a reference case through its stages with TaskService, and sets the engine clock. */
public final class Walk {

  private Walk() {}

  /** Completes the case's one open task, which must be {@code stage}. */
  public static void complete(TaskService tasks, String caseKey, String stage, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(stage);
    tasks.complete(task.getId(), variables);
  }

  /** Kickoff to Quality review, approved: the case waits at Handover. */
  public static void toHandover(TaskService tasks, String caseKey) {
    complete(tasks, caseKey, TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
    complete(tasks, caseKey, TASK_INTAKE, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "ok"));
    complete(tasks, caseKey, TASK_DELIVERY, Map.of(Variables.DELIVERY_NOTE, "ok"));
    complete(tasks, caseKey, TASK_QUALITY_REVIEW, Map.of(Variables.QA_APPROVED, true, Variables.QA_NOTE, "ok"));
  }

  /** The happy path to delivery: the client accepts at Handover. */
  public static void toDelivery(TaskService tasks, String caseKey) {
    toHandover(tasks, caseKey);
    complete(tasks, caseKey, TASK_HANDOVER, Map.of(Variables.CLIENT_ACCEPTED, true));
  }

  /** Sets the engine clock to a local time in a zone. */
  public static void at(ZoneId zone, LocalDateTime localTime) {
    ClockUtil.setCurrentTime(Date.from(localTime.atZone(zone).toInstant()));
  }
}
