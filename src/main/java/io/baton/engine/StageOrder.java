package io.baton.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The stages of a process in the order work moves forward through them: user tasks in the order
 * a walk from the start event first reaches them, so that flows back (send-backs, rework) do not
 * reorder them. Works for any model a designer draws.
 */
@Component
public class StageOrder {

  private final RepositoryService repositoryService;
  private final Map<String, List<String>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  StageOrder(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public List<String> stages(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> order(model(id)));
  }

  /** The team (first candidate group) of a stage, or null. */
  public String teamOf(String processDefinitionId, String stageId) {
    if (!(model(processDefinitionId).getModelElementById(stageId) instanceof UserTask task)
        || task.getCamundaCandidateGroups() == null) {
      return null;
    }
    return task.getCamundaCandidateGroups().split(",")[0].trim();
  }

  private BpmnModelInstance model(String processDefinitionId) {
    return models.computeIfAbsent(processDefinitionId, repositoryService::getBpmnModelInstance);
  }

  /** The stages after {@code current}, up to and including {@code last}; empty when unknown. */
  public List<String> after(String processDefinitionId, String current, String last) {
    List<String> stages = stages(processDefinitionId);
    int from = stages.indexOf(current);
    int to = stages.indexOf(last);
    if (from < 0 || to < 0 || from >= to) {
      return List.of();
    }
    return stages.subList(from + 1, to + 1);
  }

  static List<String> order(BpmnModelInstance model) {
    List<String> stages = new ArrayList<>();
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    Collection<StartEvent> starts = model.getModelElementsByType(StartEvent.class);
    for (StartEvent start : starts) {
      if (start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
        queue.add(start);
        seen.add(start);
      }
    }
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (node instanceof UserTask) {
        stages.add(node.getId());
      }
      for (SequenceFlow flow : node.getOutgoing()) {
        FlowNode next = flow.getTarget();
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return List.copyOf(stages);
  }
}
