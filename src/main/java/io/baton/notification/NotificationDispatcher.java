package io.baton.notification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each notification is first claimed with a conditional update, so that of
 * several Baton nodes exactly one sends it; a node that dies mid-send lets its claim lapse and
 * another sends it. A failed attempt is retried with backoff; after the last, it is FAILED and
 * listed by the API for an operator to retry.
 */
@Component
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationRepository notifications;
  private final NotificationSettings settings;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final TransactionTemplate transaction;

  NotificationDispatcher(NotificationRepository notifications, NotificationSettings settings,
      List<ChannelSender> senders, PlatformTransactionManager transactionManager) {
    this.notifications = notifications;
    this.settings = settings;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${baton.notifications.poll-interval:PT2S}",
      initialDelayString = "${baton.notifications.poll-interval:PT2S}")
  void onSchedule() {
    if (settings.dispatch()) {
      dispatchDue();
    }
  }

  /** Held mail goes out once an SMTP server is configured. */
  @EventListener(ApplicationReadyEvent.class)
  void releaseHeld() {
    transaction.executeWithoutResult(status -> notifications.findByStatusOrderByIdAsc(NotificationStatus.HELD)
        .stream()
        .filter(n -> senders.get(n.getChannel()).unavailableReason() == null)
        .forEach(n -> n.release(now())));
  }

  /** Sends what is due now; returns how many notifications this node attempted. */
  public int dispatchDue() {
    Instant now = now();
    List<Long> due = notifications.findDue(now, PageRequest.of(0, settings.batchSize()));
    int attempted = 0;
    for (Long id : due) {
      Integer claimed = transaction.execute(status ->
          notifications.claim(id, now, now.plus(settings.claimLease())));
      if (claimed != null && claimed == 1) {
        deliver(id);
        attempted++;
      }
    }
    return attempted;
  }

  private void deliver(long id) {
    Notification notification = notifications.findById(id).orElseThrow();
    ChannelSender sender = senders.get(notification.getChannel());
    String unavailable = sender.unavailableReason();
    if (unavailable != null) {
      update(id, n -> n.hold(unavailable));
      return;
    }
    try {
      sender.send(notification);
      update(id, n -> n.sent(now()));
    } catch (Exception e) {
      int attempt = notification.getAttempts() + 1;
      boolean last = attempt >= settings.maxAttempts();
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn("Notification {} ({} to {}) attempt {} of {} failed: {}", id, notification.getChannel(),
          notification.getRecipient(), attempt, settings.maxAttempts(), error);
      update(id, n -> n.attemptFailed(error, now().plus(settings.backoff(attempt)), last));
    }
  }

  private void update(long id, java.util.function.Consumer<Notification> change) {
    transaction.executeWithoutResult(status -> change.accept(notifications.findById(id).orElseThrow()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
