package io.baton.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.notifications.*}: who mail comes from, and how delivery is retried. A failed attempt
 * waits {@code first-retry}, doubling each time up to {@code max-retry-interval}; after
 * {@code max-attempts} the notification is FAILED and waits for an operator.
 */
@ConfigurationProperties("baton.notifications")
public record NotificationSettings(
    @DefaultValue("Baton <baton@localhost>") String from,
    @DefaultValue("true") boolean dispatch,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT30M") Duration maxRetryInterval,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("PT2M") Duration claimLease,
    @DefaultValue("50") int batchSize) {

  Duration backoff(int failedAttempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
  }
}
