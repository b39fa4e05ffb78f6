package io.baton.secrets;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.webhooks.*}: {@code allowed-hosts} lists hosts ({@code host} or {@code host:port})
 * that webhooks may reach although they are internal addresses; {@code connect-timeout} and
 * {@code read-timeout} bound each delivery attempt.
 */
@ConfigurationProperties("baton.webhooks")
public record WebhookSettings(
    List<String> allowedHosts,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration readTimeout) {

  public WebhookSettings {
    allowedHosts = allowedHosts == null ? List.of()
        : allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
  }
}
