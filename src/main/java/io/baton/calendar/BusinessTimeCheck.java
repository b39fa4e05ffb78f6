package io.baton.calendar;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Rejects, at deployment, business time that Baton could not compute: a timer or user task date
 * such as {@code business P2X}, or business time in a timer cycle. The error names the element and
 * its line, as Camunda's own parse errors do. Expressions ({@code ${…}}) are checked when they run.
 */
class BusinessTimeCheck extends AbstractBpmnParseListener {

  private static final String[] TASK_DATES = {"dueDate", "followUpDate"};

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    check(process);
  }

  private static void check(Element parent) {
    for (Element child : parent.elements()) {
      if ("userTask".equals(child.getTagName())) {
        for (String attribute : TASK_DATES) {
          check(child, "camunda:" + attribute, child.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute));
        }
      }
      Element timer = child.element("timerEventDefinition");
      if (timer != null) {
        for (String kind : new String[] {"timeDuration", "timeDate"}) {
          Element definition = timer.element(kind);
          check(child, kind, definition == null ? null : definition.getText());
        }
        Element cycle = timer.element("timeCycle");
        if (cycle != null && BusinessTime.isBusinessTime(cycle.getText())) {
          throw new BpmnParseException("'" + child.attribute("id") + "' has business time in its timeCycle ('"
              + cycle.getText().strip() + "'); business time works in a timeDuration or timeDate", child);
        }
      }
      check(child);
    }
  }

  private static void check(Element element, String where, String text) {
    if (BusinessTime.isBusinessTime(text) && !text.contains("${") && !text.contains("#{")) {
      try {
        BusinessTime.parse(text);
      } catch (IllegalArgumentException e) {
        throw new BpmnParseException("'" + element.attribute("id") + "' " + where + ": " + e.getMessage(), element);
      }
    }
  }
}
