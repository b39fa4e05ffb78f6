package io.baton.system;

/**
 * Baton cannot start with the configuration it was given. The message says what is wrong, the
 * action how to fix it; {@link StartupFailureAnalyzer} prints both instead of a stack trace.
 */
public class BatonConfigurationException extends RuntimeException {
  private final String action;

  public BatonConfigurationException(String description, String action) {
    super(description);
    this.action = action;
  }

  public BatonConfigurationException(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
