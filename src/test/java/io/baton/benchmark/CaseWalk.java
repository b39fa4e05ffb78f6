package io.baton.benchmark;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.CHECK_IN_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.CLIENT_ACCEPTED;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.DELIVERY_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.HANDOVER_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.INTAKE_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.INTAKE_READY;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.KICKOFF_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_APPROVED;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.SCOPE_CONFIRMED;

import io.baton.delivery.ServiceDeliveryProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * One reference case, the same for Baton and the baseline once it is started: every user task of
 * the happy path (Kickoff, Intake ready, Delivery, Quality review approved, Handover accepted)
 * completed through {@link TaskService} with the variables its gateway needs, the check-in timer
 * executed through {@link ManagementService}, and the check-in completed.
 */
final class CaseWalk {

  /** Starts case number {@code i} and returns its business key. */
  @FunctionalInterface
  interface Opener {
    String open(int i);
  }

  private final Opener opener;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final HistoryService history;

  CaseWalk(Opener opener, TaskService tasks, ManagementService management, RuntimeService runtime,
      HistoryService history) {
    this.opener = opener;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.history = history;
  }

  /** Runs case {@code i} from start to end; returns its process instance id. */
  String run(int i) {
    String businessKey = opener.open(i);
    Task kickoff = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    expect(kickoff, TASK_KICKOFF, businessKey);
    String process = kickoff.getProcessInstanceId();
    tasks.complete(kickoff.getId(), Map.of(SCOPE_CONFIRMED, true, KICKOFF_NOTE, "Scope as quoted."));
    complete(process, TASK_INTAKE, Map.of(INTAKE_READY, true, INTAKE_NOTE, "Two sprints."));
    complete(process, TASK_DELIVERY, Map.of(DELIVERY_NOTE, "Delivered; see staging."));
    complete(process, TASK_QUALITY_REVIEW, Map.of(QA_APPROVED, true, QA_NOTE, "All checks pass."));
    complete(process, TASK_HANDOVER, Map.of(CLIENT_ACCEPTED, true, HANDOVER_NOTE, "Client is happy."));
    Job checkInDue = management.createJobQuery().processInstanceId(process).timers().singleResult();
    if (checkInDue == null) {
      throw new IllegalStateException("No check-in timer for " + businessKey + " after handover");
    }
    management.executeJob(checkInDue.getId());
    complete(process, TASK_CHECK_IN, Map.of(CHECK_IN_NOTE, "Going well."));
    return process;
  }

  private void complete(String process, String expected, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();
    expect(task, expected, process);
    tasks.complete(task.getId(), variables);
  }

  private static void expect(Task task, String expected, String where) {
    if (task == null || !expected.equals(task.getTaskDefinitionKey())) {
      throw new IllegalStateException("Expected task " + expected + " in " + where + ", found "
          + (task == null ? "none" : task.getTaskDefinitionKey()));
    }
  }

  /**
   * Fails unless every given process instance reached the end event (history: completed, ended at
   * {@code EndEvent_CaseClosed}) and nothing of them is left at runtime.
   */
  void verifyEnded(List<String> processes) {
    long completed = 0;
    for (int from = 0; from < processes.size(); from += 500) {
      Set<String> ids = Set.copyOf(processes.subList(from, Math.min(processes.size(), from + 500)));
      completed += history.createHistoricProcessInstanceQuery().processInstanceIds(ids).completed().count();
    }
    long atEnd = history.createHistoricActivityInstanceQuery()
        .activityId(ServiceDeliveryProcess.Elements.END_CASE_CLOSED).finished().count();
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(ServiceDeliveryProcess.KEY).count();
    long timersLeft = management.createJobQuery().timers().count();
    List<String> problems = new ArrayList<>();
    if (completed != processes.size()) {
      problems.add((processes.size() - completed) + " of " + processes.size() + " processes did not complete");
    }
    if (atEnd < processes.size()) {
      problems.add("only " + atEnd + " processes reached " + ServiceDeliveryProcess.Elements.END_CASE_CLOSED);
    }
    if (running != 0) {
      problems.add(running + " processes still running");
    }
    if (timersLeft != 0) {
      problems.add(timersLeft + " timers left");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The benchmark did less work than it claims: " + problems);
    }
  }
}
