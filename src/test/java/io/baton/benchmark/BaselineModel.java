package io.baton.benchmark;

import io.baton.delivery.ServiceDeliveryProcess;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The baseline model: Baton's {@code processes/service-delivery.bpmn}, element for element (same
 * flow nodes, sequence flows, conditions, timer, candidate groups, forms, input mappings and the
 * model's own {@code ${task.removeVariable(..)}} listeners), with no Baton code in it:
 * <ul>
 *   <li>every delegate the model calls (Baton's {@code ${recordHandoff}}, {@code ${notifyClient}},
 *       {@code ${notifyStaff}} service tasks, or any class, expression or external task) becomes
 *       {@link NoOpDelegate};
 *   <li>where Baton's {@code StageEventsPlugin} hooks into every model (task listeners on create
 *       and complete of each user task, an execution listener on the process end), the baseline
 *       has a no-op listener.
 * </ul>
 * It is derived from the real file rather than rebuilt by hand, because that file changes: a
 * hand-built copy would quietly measure another process.
 */
final class BaselineModel {

  static final String REAL_MODEL = "processes/service-delivery.bpmn";
  private static final String NO_OP = NoOpDelegate.class.getName();
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** Listener expressions that only call the engine's own task or execution object are kept. */
  private static final Pattern ENGINE_ONLY_EXPRESSION = Pattern.compile("^\\$\\{\\s*(task|execution)\\.[^${}]*\\}$");

  /** What was changed, for the report. */
  record Derived(BpmnModelInstance model, int delegatesReplaced, int listenersReplaced, int listenersAdded) {}

  private BaselineModel() {}

  static Derived derive() {
    BpmnModelInstance model;
    try (InputStream in = BaselineModel.class.getClassLoader().getResourceAsStream(REAL_MODEL)) {
      model = Bpmn.readModelFromStream(Objects.requireNonNull(in, REAL_MODEL + " is not on the classpath"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Process process = model.getModelElementById(ServiceDeliveryProcess.KEY);
    if (process == null) {
      throw new IllegalStateException(REAL_MODEL + " has no process " + ServiceDeliveryProcess.KEY);
    }

    // Business time ("business P7D") is Baton's calendar; the plain engine counts the same period in days.
    for (org.camunda.bpm.model.bpmn.instance.TimeDuration duration
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeDuration.class)) {
      String text = duration.getTextContent().trim();
      if (text.startsWith("business")) {
        duration.setTextContent(text.substring(text.indexOf(' ') + 1).trim());
      }
    }

    int delegates = 0;
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      noOp(task.getDomElement());
      delegates++;
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      noOp(task.getDomElement());
      delegates++;
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      noOp(task.getDomElement());
      delegates++;
    }
    for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
      if (camunda(definition.getDomElement(), "class") != null || camunda(definition.getDomElement(), "delegateExpression") != null
          || camunda(definition.getDomElement(), "expression") != null || camunda(definition.getDomElement(), "type") != null) {
        noOp(definition.getDomElement());
        delegates++;
      }
    }
    if (!model.getModelElementsByType(ScriptTask.class).isEmpty()) {
      throw new IllegalStateException(REAL_MODEL + " has script tasks; decide how the baseline runs them");
    }

    int listenersReplaced = 0;
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      listenersReplaced += noOpListener(listener.getDomElement(), listener.getCamundaExpression());
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      listenersReplaced += noOpListener(listener.getDomElement(), listener.getCamundaExpression());
    }

    // Where StageEventsPlugin acts on every model: user task create and complete, process end.
    int listenersAdded = 0;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      task.builder()
          .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, NO_OP)
          .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, NO_OP);
      listenersAdded += 2;
    }
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      process.setExtensionElements(extensions);
    }
    CamundaExecutionListener end = extensions.addExtensionElement(CamundaExecutionListener.class);
    end.setCamundaEvent(ExecutionListener.EVENTNAME_END);
    end.setCamundaClass(NO_OP);
    listenersAdded++;

    Bpmn.validateModel(model);
    assertNoBatonCode(model);
    return new Derived(model, delegates, listenersReplaced, listenersAdded);
  }

  /** Makes the element call NoOpDelegate: camunda:class, and no other implementation. */
  private static void noOp(DomElement element) {
    for (String attribute : List.of("delegateExpression", "expression", "resultVariable", "type", "topic",
        "decisionRef", "decisionRefBinding", "decisionRefVersion", "mapDecisionResult")) {
      element.removeAttribute(CAMUNDA_NS, attribute);
    }
    element.setAttribute(CAMUNDA_NS, "class", NO_OP);
    // a connector would take precedence over the class
    for (DomElement extensions : element.getChildElements()) {
      if ("extensionElements".equals(extensions.getLocalName())) {
        for (DomElement child : new ArrayList<>(extensions.getChildElements())) {
          if ("connector".equals(child.getLocalName())) {
            extensions.removeChild(child);
          }
        }
      }
    }
  }

  private static int noOpListener(DomElement listener, String expression) {
    if (expression != null && ENGINE_ONLY_EXPRESSION.matcher(expression.trim()).matches()) {
      return 0; // the model's own, e.g. ${task.removeVariable('qaApproved')}
    }
    listener.removeAttribute(CAMUNDA_NS, "expression");
    listener.removeAttribute(CAMUNDA_NS, "delegateExpression");
    for (DomElement child : new ArrayList<>(listener.getChildElements())) {
      if ("script".equals(child.getLocalName())) {
        listener.removeChild(child);
      }
    }
    listener.setAttribute(CAMUNDA_NS, "class", NO_OP);
    return 1;
  }

  private static String camunda(DomElement element, String attribute) {
    return element.getAttribute(CAMUNDA_NS, attribute);
  }

  /** Fails if anything in the derived model could still call into Baton. */
  private static void assertNoBatonCode(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    check(model.getDocument().getRootElement(), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The baseline derived from " + REAL_MODEL + " still calls code: " + problems);
    }
  }

  private static void check(DomElement element, List<String> problems) {
    String where = element.getLocalName() + (element.getAttribute("id") == null ? "" : " " + element.getAttribute("id"));
    String className = camunda(element, "class");
    if (className != null && !className.equals(NO_OP)) {
      problems.add(where + " camunda:class=" + className);
    }
    if (camunda(element, "delegateExpression") != null) {
      problems.add(where + " camunda:delegateExpression=" + camunda(element, "delegateExpression"));
    }
    String expression = camunda(element, "expression");
    if (expression != null && !ENGINE_ONLY_EXPRESSION.matcher(expression.trim()).matches()) {
      problems.add(where + " camunda:expression=" + expression);
    }
    for (DomElement child : element.getChildElements()) {
      check(child, problems);
    }
  }
}
