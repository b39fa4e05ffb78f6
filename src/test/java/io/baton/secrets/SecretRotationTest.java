package io.baton.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.baton.BatonApplication;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.notification.NotificationDispatcher;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * Rotating BATON_SECRETS_KEY on PostgreSQL: Baton started with the new key and the old one among
 * baton.secrets.previous-keys re-encrypts every webhook secret under the new key (also secrets
 * stored in plain text by an older Baton), and webhooks are still signed with the client's secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretRotationTest {

  private static final String OLD_KEY = key('1');
  private static final String NEW_KEY = key('2');

  @Test
  void afterAKeyRotationEverySecretIsUnderTheNewKeyAndWebhooksAreStillSigned(CapturedOutput output)
      throws Exception {
    String database = Postgres.freshDatabase("baton_secret_rotation");
    String secret = "whsec_" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    String legacySecret = "a-plain-secret-stored-by-an-older-baton";
    String path = "/hooks/rotation";
    try (WebhookReceiver webhooks = WebhookReceiver.start()) {
      try (ConfigurableApplicationContext before = start(database, OLD_KEY, null)) {
        CaseService cases = before.getBean(CaseService.class);
        cases.open(request("rotated@rila.example", webhooks.url(path), secret));
        cases.open(request("legacy@rila.example", webhooks.url("/hooks/legacy"), "to-be-replaced-by-a-plain-one"));
        before.getBean(JdbcTemplate.class).update("update client set webhook_secret = ? where email = ?",
            legacySecret, "legacy@rila.example");
      }

      try (ConfigurableApplicationContext after = start(database, NEW_KEY, OLD_KEY)) {
        Map<String, String> stored = secrets(after.getBean(JdbcTemplate.class));
        SecretBox newKeyOnly = new SecretBox(new SecretSettings(NEW_KEY, List.of()), new MockEnvironment());
        assertThat(stored).hasSize(2).allSatisfy((email, value) -> {
          assertThat(value).startsWith(SecretBox.PREFIX);
          assertThat(newKeyOnly.isCurrent(value)).as(email + " is under the new key").isTrue();
        });
        assertThat(newKeyOnly.decrypt(stored.get("rotated@rila.example"))).isEqualTo(secret);
        assertThat(newKeyOnly.decrypt(stored.get("legacy@rila.example"))).isEqualTo(legacySecret);

        after.getBean(NotificationDispatcher.class).dispatchDue();
        WebhookReceiver.Received received = webhooks.received(path).get(0);
        assertThat(received.headers().get("webhook-signature")).isEqualTo("v1," + hmac(secret,
            received.headers().get("webhook-id") + "." + received.headers().get("webhook-timestamp") + "."
                + received.body()));
      }
    }

    Throwable lostKey = catchThrowable(() -> start(database, key('3'), null).close());
    assertThat(lostKey).isNotNull();
    assertThat(output).contains("was encrypted with key", "baton.secrets.previous-keys");
  }

  private static ConfigurableApplicationContext start(String database, String key, String previousKey) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.main.banner-mode=off",
        "--server.port=0",
        "--camunda.bpm.webapp.enabled=false",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + Postgres.user(),
        "--spring.datasource.password=" + Postgres.password(),
        "--baton.secrets.key=" + key));
    if (previousKey != null) {
      args.add("--baton.secrets.previous-keys=" + previousKey);
    }
    for (String property : IntegrationSettings.PROPERTIES) {
      if (!property.startsWith("baton.secrets.")) {
        args.add("--" + property);
      }
    }
    return new SpringApplicationBuilder(BatonApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }

  private static Map<String, String> secrets(JdbcTemplate jdbc) {
    Map<String, String> secrets = new java.util.TreeMap<>();
    jdbc.query("select email, webhook_secret from client", row -> {
      secrets.put(row.getString(1), row.getString(2));
    });
    return secrets;
  }

  private static OpenCase request(String email, String webhookUrl, String secret) {
    return new OpenCase("crm-" + UUID.randomUUID(), "Rila Digital OOD", email, Language.BG, ZoneId.of("Europe/Sofia"),
        "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(8), false, webhookUrl, secret);
  }

  private static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
  }
}
