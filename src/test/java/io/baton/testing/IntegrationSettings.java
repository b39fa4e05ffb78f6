package io.baton.testing;

/** What the integration tests start Baton with, besides the database. */
public final class IntegrationSettings {
  public static final String ADMIN = "t-admin";
  public static final String ADMIN_PASSWORD = "admin-secret-from-env";
  /** The tests' key for secrets at rest (32 bytes, base64); production takes it from BATON_SECRETS_KEY. */
  public static final String SECRETS_KEY = "YmF0b24tdGVzdC1rZXktZm9yLXRlc3RzLW9ubHktMzI=";
  /** The tests' webhook receivers ({@link WebhookReceiver}) listen on this loopback address. */
  public static final String WEBHOOK_RECEIVER_HOST = "127.0.0.1";

  /** Timers, jobs, notification delivery and SLA scans run when a test runs them, never on their own. */
  public static final String[] PROPERTIES = {
      "baton.admin.user=" + ADMIN,
      "baton.admin.password=" + ADMIN_PASSWORD,
      "camunda.bpm.job-execution.enabled=false",
      "baton.notifications.dispatch=false",
      "baton.sla.scan=false",
      "baton.secrets.key=" + SECRETS_KEY,
      "baton.webhooks.allowed-hosts=" + WEBHOOK_RECEIVER_HOST,
  };

  /** Adds {@link #PROPERTIES} to a test's dynamic properties. */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
    for (String property : PROPERTIES) {
      String[] pair = property.split("=", 2);
      registry.add(pair[0], () -> pair[1]);
    }
  }

  private IntegrationSettings() {}
}
