package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Client webhooks on PostgreSQL: a webhook never reaches into Baton's own network, whether the URL
 * is refused when the case is opened or at delivery; a redirect is not followed; the client's
 * signing secret is stored encrypted and no API answer contains it. Only the loopback receivers of
 * this test are ever connected to (127.0.0.1 is allowed for them, 127.0.0.2 is not).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class WebhookSafetyTest {

  private static final WebhookReceiver webhooks = WebhookReceiver.start();
  /** A service Baton must not reach: loopback, but not on the allow-list. */
  private static final List<String> internalRequests = new ArrayList<>();
  private static final HttpServer internal = internalServer();
  private static final HttpServer redirecting = redirectingServer();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_webhook_safety");
    IntegrationSettings.register(registry);
  }

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void staff() {
    ClockUtil.reset();
    Staff.ensure(identityService);
  }

  @AfterAll
  static void stopServers() {
    webhooks.close();
    internal.stop(0);
    redirecting.stop(0);
  }

  @Test
  void aWebhookIntoAPrivateNetworkIsRefusedWhenTheCaseIsOpened() {
    for (String url : List.of("http://10.0.0.5/hooks/baton", "http://169.254.169.254/latest/meta-data/",
        "http://167772165/", "http://0xa.5/", "http://0xa9.0xfe.0xa9.0xfe/", "http://[::ffff:10.0.0.5]/", "http://localhost:8080/",
        "ftp://crm.rila.example/hooks")) {
      String reference = "crm-" + UUID.randomUUID();
      Api.Response response = integration().post("/api/cases", openRequest(reference, url, secret()));

      assertThat(response.status()).as(url).isEqualTo(400);
      assertThat(response.headers().getContentType().toString()).contains("application/problem+json");
      JsonNode error = response.body().get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("client.webhookUrl");
      assertThat(error.get("message").asText()).as(url).isNotBlank();
      assertThat(jdbc.queryForObject("select count(*) from service_case where external_reference = ?",
          Long.class, reference)).as("no case for " + url).isZero();
    }
    JsonNode refused = integration().post("/api/cases", openRequest("crm-" + UUID.randomUUID(),
        "http://10.0.0.5/hooks/baton", secret())).body();
    assertThat(refused.get("detail").asText()).contains("10.0.0.5", "private address");
  }

  @Test
  void theSecretIsStoredEncryptedNeverAnsweredAndStillSignsTheWebhook() throws Exception {
    String path = "/hooks/" + UUID.randomUUID();
    String secret = secret();
    Api.Response opened = integration().post("/api/cases", openRequest("crm-" + UUID.randomUUID(),
        webhooks.url(path), secret));
    assertThat(opened.status()).isEqualTo(201);
    String caseKey = opened.body().get("key").asText();
    // The integration is not shown the client's address; a manager is.
    String email = Api.as(http, Staff.MANAGER, Staff.PASSWORD).get("/api/cases/" + caseKey).body()
        .at("/client/email").asText();

    String stored = jdbc.queryForObject("select webhook_secret from client where email = ?", String.class, email);
    assertThat(stored).startsWith("aesgcm:").doesNotContain(secret, secret.substring("whsec_".length()));

    dispatcher.dispatchDue();
    WebhookReceiver.Received received = webhooks.received(path).get(0);
    assertThat(received.headers().get("webhook-signature")).isEqualTo("v1," + hmac(secret,
        received.headers().get("webhook-id") + "." + received.headers().get("webhook-timestamp") + "." + received.body()));
    assertThat(received.body()).doesNotContain(secret);

    Api manager = Api.as(http, Staff.MANAGER, Staff.PASSWORD);
    String processInstance = jdbc.queryForObject("select id_ from act_ru_execution where business_key_ = ? "
        + "and parent_id_ is null", String.class, caseKey);
    for (String answer : List.of(opened.body().toString(),
        manager.get("/api/cases/" + caseKey).body().toString(),
        manager.get("/api/notifications?caseKey=" + caseKey).body().toString(),
        manager.get("/api/cases/" + caseKey + "/timeline").body().toString(),
        Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD)
            .get("/engine-rest/process-instance/" + processInstance + "/variables").body().toString())) {
      assertThat(answer).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
          .doesNotContain(stored);
    }
    assertThat(manager.get("/api/cases/" + caseKey).body().get("client").has("webhookSecret")).isFalse();
  }

  @Test
  void aRedirectToAnInternalServiceIsNotFollowed() {
    String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/hooks/moved";
    Api.Response opened = integration().post("/api/cases", openRequest("crm-" + UUID.randomUUID(), url, secret()));
    assertThat(opened.status()).isEqualTo(201);
    String caseKey = opened.body().get("key").asText();

    dispatcher.dispatchDue();

    Notification attempt = notifications.list(null, caseKey).get(0);
    assertThat(attempt.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(attempt.getLastError()).contains("HTTP 302", "does not follow redirects");
    synchronized (internalRequests) {
      assertThat(internalRequests).as("the redirect's target was never called").isEmpty();
    }
  }

  @Test
  void anAddressThatIsRefusedAtDeliveryIsNeverConnectedTo() {
    String path = "/hooks/" + UUID.randomUUID();
    Api.Response opened = integration().post("/api/cases", openRequest("crm-" + UUID.randomUUID(),
        webhooks.url(path), secret()));
    String caseKey = opened.body().get("key").asText();
    // A notification written before the rules, or a client whose host now resolves elsewhere.
    jdbc.update("update notification set recipient = ? where case_key = ?",
        "http://127.0.0.2:" + internal.getAddress().getPort() + path, caseKey);

    dispatcher.dispatchDue();

    Notification attempt = notifications.list(null, caseKey).get(0);
    assertThat(attempt.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(attempt.getLastError()).contains("RefusedWebhookTarget", "127.0.0.2", "loopback");
    synchronized (internalRequests) {
      assertThat(internalRequests).isEmpty();
    }
    assertThat(webhooks.received(path)).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private Api integration() {
    return Api.as(http, Staff.INTEGRATION, Staff.PASSWORD);
  }

  private static Map<String, Object> openRequest(String reference, String webhookUrl, String secret) {
    return Map.of(
        "externalReference", reference,
        "client", Map.of("name", "Rila Digital OOD", "email", "hooks-" + reference + "@rila.example",
            "language", "bg", "timeZone", "Europe/Sofia", "emailNotifications", false,
            "webhookUrl", webhookUrl, "webhookSecret", secret),
        "service", "website-build",
        "tier", "standard",
        "promisedDate", LocalDate.now().plusWeeks(8).toString());
  }

  private static String secret() {
    return "whsec_" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpServer internalServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
      server.createContext("/", exchange -> {
        synchronized (internalRequests) {
          internalRequests.add(exchange.getRequestURI().toString());
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client endpoint on an allowed host that redirects to the internal service. */
  private static HttpServer redirectingServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        exchange.getResponseHeaders().add("Location",
            "http://127.0.0.2:" + internal.getAddress().getPort() + "/latest/meta-data/");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
