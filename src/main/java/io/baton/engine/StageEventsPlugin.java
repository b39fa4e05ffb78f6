package io.baton.engine;

import io.baton.system.CaseContext;
import io.baton.system.BatonClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's task and process events into Baton's own events ({@link StageStarted},
 * {@link StageCompleted}, {@link CaseProcessEnded}) for every process that runs a service of the
 * catalog, without anything in the BPMN. Listeners are built in, so they cannot be skipped, and run in the engine's transaction:
 * whatever reacts to them commits or rolls back with the process step.
 */
@Component
class StageEventsPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationEventPublisher events;
  private final NotificationTemplateCatalog templates;
  private final ObjectProvider<StageDeadlines> deadlines;
  private final Set<String> caseProcesses;

  StageEventsPlugin(ApplicationEventPublisher events, NotificationTemplateCatalog templates,
      ObjectProvider<StageDeadlines> deadlines, Environment environment) {
    this.events = events;
    this.templates = templates;
    this.deadlines = deadlines;
    this.caseProcesses = caseProcesses(environment);
  }

  /**
   * The processes that run cases: those named by a service of the catalog
   * ({@code baton.services.<service>.process}). Every other model runs as a plain Camunda
   * process, without Baton's listeners, so that a designer's own test process just works.
   */
  static Set<String> caseProcesses(Environment environment) {
    Map<String, Map<String, String>> services = Binder.get(environment)
        .bind("baton.services", SERVICES).orElse(Map.of());
    return services.values().stream()
        .map(service -> service.get("process"))
        .filter(process -> process != null && !process.isBlank())
        .map(String::trim)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static final Bindable<Map<String, Map<String, String>>> SERVICES = Bindable.of(
      ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
          ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new ParseListener());
    listeners.add(new BuildingBlockCheck(templates));
  }

  private class ParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!caseProcesses.contains(((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey())) {
        return;
      }
      var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, inCase(StageEventsPlugin.this::taskCreated));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, inCase(StageEventsPlugin.this::taskCompleted));
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
      if (!caseProcesses.contains(process.getKey())) {
        return;
      }
      process.addBuiltInListener(ExecutionListener.EVENTNAME_END, inCase(StageEventsPlugin.this::processEnded));
    }
  }

  /** Runs a task listener with the case and its process instance in the logging context. */
  private static TaskListener inCase(TaskListener listener) {
    return task -> {
      try (CaseContext context = CaseContext.of(task.getExecution().getProcessBusinessKey(),
          task.getProcessInstanceId())) {
        listener.notify(task);
      }
    };
  }

  /** Runs an execution listener with the case and its process instance in the logging context. */
  private static ExecutionListener inCase(ExecutionListener listener) {
    return execution -> {
      try (CaseContext context = CaseContext.of(execution.getProcessBusinessKey(),
          execution.getProcessInstanceId())) {
        listener.notify(execution);
      }
    };
  }

  private void taskCreated(DelegateTask task) {
    String caseKey = task.getExecution().getProcessBusinessKey();
    if (caseKey != null) {
      StageStarted started = new StageStarted(caseKey, task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
          task.getName(), team(task), task.getId(), now());
      StageDeadlines sla = deadlines.getIfAvailable();
      if (sla != null) {
        sla.deadlineFor(started).ifPresent(deadline -> {
          task.setDueDate(Date.from(deadline.due()));
          task.setFollowUpDate(Date.from(deadline.followUp()));
        });
      }
      events.publishEvent(started);
    }
  }

  private void taskCompleted(DelegateTask task) {
    String caseKey = task.getExecution().getProcessBusinessKey();
    if (caseKey != null) {
      var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      String user = authentication != null ? authentication.getUserId() : task.getAssignee();
      task.getExecution().getProcessInstance().setVariable(Stages.COMPLETED_BY, user);
      events.publishEvent(new StageCompleted(caseKey, task.getTaskDefinitionKey(), task.getName(),
          task.getId(), user, now()));
    }
  }

  private void processEnded(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    if (caseKey != null && execution.getParentId() == null) {
      events.publishEvent(new CaseProcessEnded(caseKey, !execution.isCanceled(), now()));
    }
  }

  private static String team(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse(null);
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
