package io.baton.operations;

import io.baton.notification.NotificationStatus;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox as health component {@code dispatcher}: UP while the oldest notification still to be
 * delivered is younger than {@code baton.operations.backlog-warning-after}, {@value #WARNING_CODE}
 * when it is older (delivery is stuck or far behind; messages are kept, not lost). Details: the
 * backlog per status and the oldest one's age. Not part of the readiness group.
 */
@Component("dispatcherHealthIndicator")
class DispatcherHealth implements HealthIndicator {

  static final String WARNING_CODE = "WARNING";
  static final Status WARNING = new Status(WARNING_CODE, "The oldest undelivered notification waits too long");

  private final OutboxBacklog backlog;
  private final Duration warnAfter;

  DispatcherHealth(OutboxBacklog backlog, OperationsSettings settings) {
    this.backlog = backlog;
    this.warnAfter = settings.backlogWarningAfter();
  }

  @Override
  public Health health() {
    OutboxBacklog.Snapshot now = backlog.current();
    Duration age = now.oldestWaitingAge();
    Health.Builder health = age.compareTo(warnAfter) > 0 ? Health.status(WARNING) : Health.up();
    for (NotificationStatus status : OutboxBacklog.WAITING) {
      health.withDetail(BatonMetrics.tag(status.name()), now.count(status));
    }
    return health
        .withDetail("oldestPendingSeconds", age.toSeconds())
        .withDetail("warningAfterSeconds", warnAfter.toSeconds())
        .build();
  }
}
