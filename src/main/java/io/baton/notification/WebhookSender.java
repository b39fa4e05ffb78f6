package io.baton.notification;

import io.baton.cases.CaseService;
import io.baton.secrets.WebhookSettings;
import io.baton.secrets.WebhookTargets;
import io.baton.system.BatonClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhooks into the client's own systems, signed the Standard Webhooks way: headers
 * {@code webhook-id} (stable across retries, so receivers drop repeats), {@code webhook-timestamp}
 * and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under the
 * client's secret. Any 2xx answer counts as delivered; a redirect is not followed and counts as a
 * failed attempt. Each attempt resolves the client's host, refuses internal addresses
 * ({@link WebhookTargets}) and connects to the address it checked, within
 * {@code baton.webhooks.connect-timeout} and {@code read-timeout}.
 */
@Component
class WebhookSender implements ChannelSender {

  static final String SECRET_PREFIX = "whsec_";

  private final CaseService cases;
  private final WebhookTargets targets;
  private final WebhookSettings settings;

  WebhookSender(CaseService cases, WebhookTargets targets, WebhookSettings settings) {
    this.cases = cases;
    this.targets = targets;
    this.settings = settings;
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
    String timestamp = Long.toString(BatonClock.now().getEpochSecond());
    String body = notification.getPayload();
    WebhookTargets.Target target = targets.resolve(notification.getRecipient());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("webhook-id", notification.getEventId());
    headers.put("webhook-timestamp", timestamp);
    headers.put("webhook-signature", "v1," + sign(secret, notification.getEventId(), timestamp, body));
    WebhookPost.Answer answer = WebhookPost.send(target, headers, body, settings.connectTimeout(),
        settings.readTimeout());
    if (answer.status() / 100 == 3) {
      throw new IllegalStateException("The webhook answered HTTP " + answer.status() + " with a redirect"
          + (answer.location() == null ? "" : " to " + abbreviate(answer.location())) + "; Baton does not follow redirects");
    }
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException("The webhook answered HTTP " + answer.status());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
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
