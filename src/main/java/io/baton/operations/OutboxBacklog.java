package io.baton.operations;

import io.baton.notification.NotificationStatus;
import io.baton.system.BatonClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What waits in the outbox: how many notifications are in each status short of sent, and since
 * when the oldest one waits for the dispatcher. One grouped query on the status index, read at
 * most once per {@code baton.operations.backlog-cache-for}, however often metrics and health are
 * asked.
 */
@Component
public class OutboxBacklog {

  /** The statuses short of sent. SENT rows are history, counted by the delivery counters instead. */
  public static final List<NotificationStatus> WAITING = List.of(NotificationStatus.PENDING,
      NotificationStatus.SENDING, NotificationStatus.FAILED, NotificationStatus.HELD);

  private static final String QUERY = "select status, count(*), min(created_at) from notification"
      + " where status in ('PENDING', 'SENDING', 'FAILED', 'HELD') group by status";

  /** Counts per status; {@code oldestWaiting} is the creation of the oldest PENDING or SENDING one, if any. */
  public record Snapshot(Map<NotificationStatus, Long> counts, Instant oldestWaiting, Instant readAt) {

    public long count(NotificationStatus status) {
      return counts.getOrDefault(status, 0L);
    }

    /** How long the oldest notification the dispatcher still has to deliver has waited; zero when none. */
    public Duration oldestWaitingAge() {
      if (oldestWaiting == null || oldestWaiting.isAfter(readAt)) {
        return Duration.ZERO;
      }
      return Duration.between(oldestWaiting, readAt);
    }
  }

  private final JdbcTemplate jdbc;
  private final Duration cacheFor;
  private volatile Snapshot snapshot;
  private volatile long readAtNanos;

  OutboxBacklog(JdbcTemplate jdbc, OperationsSettings settings) {
    this.jdbc = jdbc;
    this.cacheFor = settings.backlogCacheFor();
  }

  public Snapshot current() {
    Snapshot known = snapshot;
    if (known != null && System.nanoTime() - readAtNanos < cacheFor.toNanos()) {
      return known;
    }
    synchronized (this) {
      if (snapshot != known && snapshot != null) {
        return snapshot;
      }
      snapshot = read();
      readAtNanos = System.nanoTime();
      return snapshot;
    }
  }

  private Snapshot read() {
    Map<NotificationStatus, Long> counts = new EnumMap<>(NotificationStatus.class);
    Instant[] oldest = {null};
    jdbc.query(QUERY, row -> {
      NotificationStatus status = NotificationStatus.valueOf(row.getString(1));
      counts.put(status, row.getLong(2));
      Timestamp created = row.getTimestamp(3);
      if (created != null && (status == NotificationStatus.PENDING || status == NotificationStatus.SENDING)
          && (oldest[0] == null || created.toInstant().isBefore(oldest[0]))) {
        oldest[0] = created.toInstant();
      }
    });
    return new Snapshot(Collections.unmodifiableMap(counts), oldest[0], BatonClock.now());
  }
}
