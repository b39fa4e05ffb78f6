package io.baton.testing;

/** What the integration tests start Baton with, besides the database. */
public final class IntegrationSettings {
  public static final String ADMIN = "t-admin";
  public static final String ADMIN_PASSWORD = "admin-secret-from-env";

  /** Timers and jobs run when a test executes them, never on their own. */
  public static final String[] PROPERTIES = {
      "baton.admin.user=" + ADMIN,
      "baton.admin.password=" + ADMIN_PASSWORD,
      "camunda.bpm.job-execution.enabled=false",
  };

  private IntegrationSettings() {}
}
