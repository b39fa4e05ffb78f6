package io.baton.notification;

import io.baton.cases.CaseService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Webhooks into the client's own systems, signed the Standard Webhooks way: headers
 * {@code webhook-id} (stable across retries, so receivers drop repeats), {@code webhook-timestamp}
 * and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under the
 * client's secret. Any 2xx answer counts as delivered.
 */
@Component
class WebhookSender implements ChannelSender {

  static final String SECRET_PREFIX = "whsec_";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CaseService cases;

  WebhookSender(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public String unavailableReason() {
    return null;
  }

  @Override
  public void send(Notification notification) throws Exception {
    String secret = cases.get(notification.getCaseKey()).getClient().getWebhookSecret();
    if (secret == null) {
      throw new IllegalStateException("The client has no webhook secret any more");
    }
    String timestamp = Long.toString(ClockUtil.getCurrentTime().toInstant().getEpochSecond());
    String body = notification.getPayload();
    HttpRequest request = HttpRequest.newBuilder(URI.create(notification.getRecipient()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("webhook-id", notification.getEventId())
        .header("webhook-timestamp", timestamp)
        .header("webhook-signature", "v1," + sign(secret, notification.getEventId(), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("The webhook answered HTTP " + response.statusCode());
    }
  }

  static String sign(String secret, String id, String timestamp, String body) throws Exception {
    byte[] key = secret.startsWith(SECRET_PREFIX)
        ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
        : secret.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(signature);
  }
}
