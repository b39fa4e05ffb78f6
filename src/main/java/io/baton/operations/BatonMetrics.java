package io.baton.operations;

import io.baton.notification.Channel;
import io.baton.notification.NotificationAttempted;
import io.baton.notification.NotificationStatus;
import io.baton.system.ScanFinished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Baton's own metrics, every name in one place. Scraped from {@code /actuator/prometheus}, where
 * dots become underscores, counters end in {@code _total}, timers in {@code _seconds} and the
 * forecast error in {@code _days}. Tag values are lower case.
 */
@Component
public class BatonMetrics {

  /** Gauge: notifications in the outbox per {@code status} (pending, sending, failed, held). */
  public static final String BACKLOG = "baton.notifications.backlog";
  /** Gauge, seconds: how long the oldest pending (or sending) notification has waited. */
  public static final String OLDEST_PENDING_AGE = "baton.notifications.oldest.pending.age";
  /** Counter: notifications delivered, per {@code channel} (email, webhook). */
  public static final String DELIVERED = "baton.notifications.delivered";
  /** Counter: failed delivery attempts per {@code channel}; {@code final} is true when Baton gave up. */
  public static final String FAILED = "baton.notifications.failed";
  /** Counter: notifications held because their channel is not set up, per {@code channel}. */
  public static final String HELD = "baton.notifications.held";
  /** Timer: from a notification's creation in the outbox to its delivery, per {@code channel}. */
  public static final String LATENCY = "baton.notifications.latency";
  /** Timer: how long one attempt at the channel took, per {@code channel} and {@code outcome}. */
  public static final String SEND = "baton.notifications.send";
  /** Counter: reminders to the assignee or team of a late-running stage, per {@code stage}. */
  public static final String REMINDERS = "baton.sla.reminders";
  /** Counter: escalations per {@code stage} and {@code level} (1 at the due date, 2 at the second threshold). */
  public static final String ESCALATIONS = "baton.sla.escalations";
  /** Counter: stages that passed their due date while open, per {@code stage}. */
  public static final String BREACHES = "baton.sla.breaches";
  /** Counter: reminders to clients whose input a stage waits for, per {@code stage}. */
  public static final String CLIENT_REMINDERS = "baton.sla.client.reminders";
  /** Counter: delay notices, each telling a client their promised date moved. */
  public static final String DELAY_NOTICES = "baton.delay.notices";
  /** Counter: follow-ups sent after delivery, per {@code kind} (survey, renewal). */
  public static final String FOLLOW_UPS = "baton.followups.sent";
  /** Counter: cases delivered, per {@code promise} (kept, broken). */
  public static final String CASES_DELIVERED = "baton.cases.delivered";
  /** Timer: one run of a periodic scan, per {@code scan} (dispatch, sla, follow-ups). */
  public static final String SCAN = "baton.scan";
  /** Counter: items a scan took (notifications attempted, SLA steps, follow-ups), per {@code scan}. */
  public static final String SCAN_ITEMS = "baton.scan.items";
  /**
   * Distribution summary, working days (of the client's calendar): how far the delivery date fell
   * from the date Baton had {@code against} (promise: the promise standing at delivery; forecast: the
   * last forecast), in {@code direction} late, early or on-time. Recorded when a case is delivered.
   */
  public static final String FORECAST_ERROR = "baton.forecast.error";

  /** Every name above. */
  public static final List<String> NAMES = List.of(BACKLOG, OLDEST_PENDING_AGE, DELIVERED, FAILED, HELD, LATENCY,
      SEND, REMINDERS, ESCALATIONS, BREACHES, CLIENT_REMINDERS, DELAY_NOTICES, FOLLOW_UPS, CASES_DELIVERED, SCAN,
      SCAN_ITEMS, FORECAST_ERROR);

  private final MeterRegistry registry;

  BatonMetrics(MeterRegistry registry, OutboxBacklog backlog) {
    this.registry = registry;
    for (NotificationStatus status : OutboxBacklog.WAITING) {
      Gauge.builder(BACKLOG, backlog, b -> b.current().count(status))
          .description("Notifications in the outbox, by status")
          .tag("status", tag(status.name()))
          .register(registry);
    }
    Gauge.builder(OLDEST_PENDING_AGE, backlog, b -> b.current().oldestWaitingAge().toMillis() / 1000.0)
        .description("How long the oldest notification still to be delivered has waited")
        .baseUnit("seconds")
        .register(registry);
    // Series that exist from the start, so that rates and alerts see a zero rather than nothing.
    delayNotices();
    for (Channel channel : Channel.values()) {
      delivered(tag(channel.name()));
      failed(tag(channel.name()), true);
      failed(tag(channel.name()), false);
      held(tag(channel.name()));
    }
    for (String scan : List.of(ScanFinished.DISPATCH, ScanFinished.SLA, ScanFinished.FOLLOW_UPS)) {
      scanTimer(scan);
      scanItems(scan);
    }
  }

  void attempted(NotificationAttempted attempt) {
    String channel = attempt.channel() == null ? "unknown" : tag(attempt.channel().name());
    switch (attempt.outcome()) {
      case SENT -> {
        delivered(channel).increment();
        Timer.builder(LATENCY).description("From a notification's creation to its delivery")
            .tag("channel", channel)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(100))
            .maximumExpectedValue(Duration.ofDays(2))
            .register(registry)
            .record(Duration.between(attempt.createdAt(), attempt.at()));
      }
      case RETRYING, FAILED -> failed(channel, attempt.outcome() == NotificationAttempted.Outcome.FAILED).increment();
      case HELD -> held(channel).increment();
    }
    if (attempt.outcome() != NotificationAttempted.Outcome.HELD) {
      Timer.builder(SEND).description("One delivery attempt at the channel")
          .tags("channel", channel, "outcome", tag(attempt.outcome().name()))
          .register(registry)
          .record(attempt.took());
    }
  }

  void reminded(String stage) {
    counter(REMINDERS, "Reminders of late-running stages", "stage", stage).increment();
  }

  void escalated(String stage, int level) {
    counter(ESCALATIONS, "Escalations of late stages", "stage", stage, "level", Integer.toString(level)).increment();
  }

  void breached(String stage) {
    counter(BREACHES, "Stages that passed their due date while open", "stage", stage).increment();
  }

  void clientReminded(String stage) {
    counter(CLIENT_REMINDERS, "Reminders to clients whose input a stage waits for", "stage", stage).increment();
  }

  void delayAnnounced() {
    delayNotices().increment();
  }

  void followUpSent(String kind) {
    counter(FOLLOW_UPS, "Follow-ups sent after delivery", "kind", tag(kind)).increment();
  }

  void delivered(boolean promiseKept) {
    counter(CASES_DELIVERED, "Cases delivered", "promise", promiseKept ? "kept" : "broken").increment();
  }

  void scanned(String scan, int items, Duration took) {
    scanTimer(scan).record(took);
    scanItems(scan).increment(items);
  }

  /** {@code workingDays}: delivered minus expected, in working days; negative is early. */
  void forecastError(String against, long workingDays) {
    String direction = workingDays > 0 ? "late" : workingDays < 0 ? "early" : "on-time";
    DistributionSummary.builder(FORECAST_ERROR)
        .description("Working days between the delivery and the date Baton had")
        .baseUnit("days")
        .tags("against", against, "direction", direction)
        .serviceLevelObjectives(0.5, 1, 2, 3, 5, 10, 20)
        .register(registry)
        .record(Math.abs(workingDays));
  }

  private Counter delivered(String channel) {
    return counter(DELIVERED, "Notifications delivered", "channel", channel);
  }

  private Counter failed(String channel, boolean last) {
    return counter(FAILED, "Failed delivery attempts", "channel", channel, "final", Boolean.toString(last));
  }

  private Counter held(String channel) {
    return counter(HELD, "Notifications held until their channel is set up", "channel", channel);
  }

  private Counter delayNotices() {
    return counter(DELAY_NOTICES, "Delay notices sent to clients");
  }

  private Timer scanTimer(String scan) {
    return Timer.builder(SCAN).description("One run of a periodic scan").tag("scan", scan).register(registry);
  }

  private Counter scanItems(String scan) {
    return counter(SCAN_ITEMS, "Items a scan took", "scan", scan);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  static String tag(String value) {
    return value.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
