package io.baton.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Baton's building blocks for process designers: a service task with
 * {@code camunda:delegateExpression="${bean}"}, configured by input parameters. The Modeler's
 * element templates in {@code processes/.camunda/element-templates/} fill these in.
 */
public enum BuildingBlock {
  RECORD_HANDOFF("recordHandoff", List.of(Inputs.FROM_STAGE, Inputs.TO_STAGE)),
  NOTIFY_CLIENT("notifyClient", List.of(Inputs.TEMPLATE)),
  NOTIFY_STAFF("notifyStaff", List.of(Inputs.TEMPLATE));

  /** Input parameter names, as the element templates write them. */
  public static final class Inputs {
    public static final String FROM_STAGE = "fromStage";
    public static final String TO_STAGE = "toStage";
    public static final String KIND = "kind";
    public static final String NOTE = "note";
    public static final String REASON = "reason";
    public static final String OPEN_QUESTIONS = "openQuestions";
    public static final String CHECKLIST_DONE = "checklistDone";
    public static final String CHECKLIST_OPEN = "checklistOpen";
    public static final String TEMPLATE = "template";
    public static final String CHANNELS = "channels";
    public static final String USER = "user";
    public static final String GROUP = "group";

    private Inputs() {}
  }

  /** Values of {@link Inputs#KIND}. */
  public static final String KIND_HANDOFF = "handoff";
  public static final String KIND_SEND_BACK = "send-back";

  private final String bean;
  private final List<String> required;

  BuildingBlock(String bean, List<String> required) {
    this.bean = bean;
    this.required = required;
  }

  public String bean() {
    return bean;
  }

  public String expression() {
    return "${" + bean + "}";
  }

  List<String> required() {
    return required;
  }

  static Optional<BuildingBlock> byExpression(String delegateExpression) {
    if (delegateExpression == null) {
      return Optional.empty();
    }
    String trimmed = delegateExpression.replace(" ", "");
    return Arrays.stream(values()).filter(b -> b.expression().equals(trimmed)).findFirst();
  }
}
