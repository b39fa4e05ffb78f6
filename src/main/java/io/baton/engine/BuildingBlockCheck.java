package io.baton.engine;

import io.baton.engine.BuildingBlock.Inputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Rejects, at deployment, a model that uses a building block wrongly: a missing parameter, an
 * unknown template, a stage that is not a user task of the model, an unknown kind. The error names
 * the element and its line, as Camunda's own parse errors do.
 */
class BuildingBlockCheck extends AbstractBpmnParseListener {

  private static final Set<String> KINDS = Set.of(BuildingBlock.KIND_HANDOFF, BuildingBlock.KIND_SEND_BACK);

  private final NotificationTemplateCatalog templates;

  BuildingBlockCheck(NotificationTemplateCatalog templates) {
    this.templates = templates;
  }

  /** Runs once the whole process is parsed, so that stages may be named before they are defined. */
  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    Set<String> userTasks = new HashSet<>();
    List<Element> serviceTasks = new ArrayList<>();
    collect(process, userTasks, serviceTasks);
    for (Element element : serviceTasks) {
      String expression = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
      BuildingBlock.byExpression(expression)
          .ifPresent(block -> check(block, element, inputs(element), userTasks));
    }
  }

  private static void collect(Element scope, Set<String> userTasks, List<Element> serviceTasks) {
    for (Element child : scope.elements()) {
      switch (child.getTagName()) {
        case "userTask" -> userTasks.add(child.attribute("id"));
        case "serviceTask", "sendTask" -> serviceTasks.add(child);
        case "subProcess", "transaction" -> collect(child, userTasks, serviceTasks);
        default -> { }
      }
    }
  }

  private void check(BuildingBlock block, Element element, Map<String, String> inputs, Set<String> userTasks) {
    for (String name : block.required()) {
      if (blank(inputs.get(name))) {
        fail(element, block, "needs the input parameter '" + name + "'");
      }
    }
    switch (block) {
      case RECORD_HANDOFF -> {
        stage(element, block, inputs.get(Inputs.FROM_STAGE), userTasks);
        stage(element, block, inputs.get(Inputs.TO_STAGE), userTasks);
        String kind = inputs.get(Inputs.KIND);
        if (!blank(kind) && !isExpression(kind) && !KINDS.contains(kind)) {
          fail(element, block, "has kind '" + kind + "'; use handoff or send-back");
        }
        if (BuildingBlock.KIND_SEND_BACK.equals(kind) && blank(inputs.get(Inputs.REASON))) {
          fail(element, block, "records a send-back, which needs the input parameter 'reason'");
        }
      }
      case NOTIFY_CLIENT, NOTIFY_STAFF -> {
        String template = inputs.get(Inputs.TEMPLATE);
        if (!isExpression(template) && !templates.exists(template)) {
          fail(element, block, "uses the template '" + template + "', which is not in processes/notifications/ "
              + "(there: " + String.join(", ", templates.names()) + ")");
        }
        if (block == BuildingBlock.NOTIFY_STAFF
            && blank(inputs.get(Inputs.USER)) == blank(inputs.get(Inputs.GROUP))) {
          fail(element, block, "needs exactly one of the input parameters 'user' and 'group'");
        }
        String channels = inputs.get(Inputs.CHANNELS);
        if (block == BuildingBlock.NOTIFY_CLIENT && !blank(channels) && !isExpression(channels)) {
          for (String channel : channels.split(",")) {
            if (!List.of("email", "webhook").contains(channel.trim().toLowerCase(java.util.Locale.ROOT))) {
              fail(element, block, "has the channel '" + channel.trim() + "'; use email, webhook or both");
            }
          }
        }
      }
    }
  }

  /** A stage named literally must be a user task of this process; expressions are checked when they run. */
  private static void stage(Element element, BuildingBlock block, String stageId, Set<String> userTasks) {
    if (!isExpression(stageId) && !userTasks.contains(stageId)) {
      fail(element, block, "names the stage '" + stageId + "', which is not a user task of this process");
    }
  }

  private static Map<String, String> inputs(Element element) {
    Map<String, String> inputs = new HashMap<>();
    Element extensions = element.element("extensionElements");
    Element io = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput");
    if (io != null) {
      for (Element parameter : io.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")) {
        String text = parameter.getText();
        inputs.put(parameter.attribute("name"), text == null ? "" : text.trim());
      }
    }
    return inputs;
  }

  private static void fail(Element element, BuildingBlock block, String problem) {
    throw new BpmnParseException("'" + element.attribute("id") + "' (" + block.bean() + ") " + problem, element);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }
}
