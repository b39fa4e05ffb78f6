package io.baton.notification;

/**
 * The sections of the designers' glossary ({@code processes/notifications/glossary/<lang>.properties}):
 * stage, team, service and next-step names, each keyed by its id, e.g. {@code stage.Task_Delivery}.
 */
public enum Glossary {
  STAGE("stage."),
  TEAM("team."),
  SERVICE("service."),
  NEXT_STEP("next.");

  private final String prefix;

  Glossary(String prefix) {
    this.prefix = prefix;
  }

  /** The glossary key of {@code id} in this section. */
  public String key(String id) {
    return prefix + id;
  }
}
