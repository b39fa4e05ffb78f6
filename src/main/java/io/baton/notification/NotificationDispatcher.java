package io.baton.notification;

import io.baton.engine.CaseProcesses;
import io.baton.notification.NotificationAttempted.Outcome;
import io.baton.system.BatonClock;
import io.baton.system.CaseContext;
import io.baton.system.ScanFinished;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each notification is first claimed with a conditional update, so that of
 * several Baton nodes exactly one sends it; a node that dies mid-send lets its claim lapse and
 * another sends it. The lease runs from each claim, not from the start of the batch, and the
 * outcome is recorded only while the claim is still this node's: a node that was too slow and lost
 * it changes nothing. A failed attempt is retried with backoff; after the last, it is FAILED and
 * listed by the API for an operator to retry. One notification that cannot be handled at all is
 * FAILED at once; the others still go out.
 */
@Component
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationRepository notifications;
  private final NotificationSettings settings;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  private final CaseProcesses processes;

  NotificationDispatcher(NotificationRepository notifications, NotificationSettings settings,
      List<ChannelSender> senders, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
      CaseProcesses processes) {
    this.events = events;
    this.processes = processes;
    this.notifications = notifications;
    this.settings = settings;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${baton.notifications.poll-interval:PT2S}",
      initialDelayString = "${baton.notifications.poll-interval:PT2S}",
      scheduler = NotificationConfiguration.SCHEDULER)
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
        .filter(n -> senders.containsKey(n.getChannel()) && senders.get(n.getChannel()).unavailableReason() == null)
        .forEach(n -> n.release(now())));
  }

  /** Sends what is due now; returns how many notifications this node attempted. */
  public int dispatchDue() {
    long started = System.nanoTime();
    List<Long> due = notifications.findDue(now(), PageRequest.of(0, settings.batchSize()));
    int attempted = 0;
    for (Long id : due) {
      String claim = UUID.randomUUID().toString();
      Instant claimedAt = now();
      Integer claimed = transaction.execute(status ->
          notifications.claim(id, claimedAt, claimedAt.plus(settings.claimLease()), claim));
      if (claimed != null && claimed == 1) {
        try {
          deliver(id, claim);
        } catch (RuntimeException e) {
          log.warn("Notification {} cannot be delivered and is FAILED for an operator: {}", id, e.toString());
          String error = "Cannot be delivered: " + e;
          if (record(id, "failed", () -> notifications.recordAttemptFailed(id, claim,
              error.substring(0, Math.min(error.length(), 2000)), now(), NotificationStatus.FAILED))) {
            // The row itself may be what cannot be read: only its id is known here.
            events.publishEvent(new NotificationAttempted(id, null, null, null, Outcome.FAILED, null, now(),
                Duration.ZERO));
          }
        }
        attempted++;
      }
    }
    events.publishEvent(new ScanFinished(ScanFinished.DISPATCH, attempted, Duration.ofNanos(System.nanoTime() - started)));
    return attempted;
  }

  private void deliver(long id, String claim) {
    Notification notification = notifications.findById(id).orElseThrow();
    try (CaseContext context = CaseContext.of(notification.getCaseKey(),
        processes.processInstanceId(notification.getCaseKey()))) {
      deliver(notification, id, claim);
    }
  }

  private void deliver(Notification notification, long id, String claim) {
    ChannelSender sender = senders.get(notification.getChannel());
    if (sender == null) {
      throw new IllegalStateException("Baton has no sender for channel " + notification.getChannel());
    }
    String unavailable = sender.unavailableReason();
    if (unavailable != null) {
      if (record(id, "held", () -> notifications.recordHeld(id, claim, unavailable))) {
        attempted(notification, Outcome.HELD, Duration.ZERO);
      }
      return;
    }
    long sending = System.nanoTime();
    try {
      sender.send(notification);
    } catch (Exception e) {
      Duration took = Duration.ofNanos(System.nanoTime() - sending);
      int attempt = notification.getAttempts() + 1;
      boolean last = attempt >= settings.maxAttempts();
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      // Recipients (addresses, URLs) stay out of the log: the notification id leads to them.
      log.warn("Notification {} ({}) attempt {} of {} failed: {}", id, notification.getChannel(), attempt,
          settings.maxAttempts(), error.replace(notification.getRecipient(), "<recipient>"));
      if (record(id, last ? "failed" : "retried", () -> notifications.recordAttemptFailed(id, claim,
          error.substring(0, Math.min(error.length(), 2000)), now().plus(settings.backoff(attempt)),
          last ? NotificationStatus.FAILED : NotificationStatus.PENDING))) {
        attempted(notification, last ? Outcome.FAILED : Outcome.RETRYING, took);
      }
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - sending);
    if (record(id, "sent", () -> notifications.recordSent(id, claim, now()))) {
      attempted(notification, Outcome.SENT, took);
    }
  }

  private void attempted(Notification notification, Outcome outcome, Duration took) {
    events.publishEvent(new NotificationAttempted(notification.getId(), notification.getCaseKey(),
        notification.getChannel(), notification.getTemplate(), outcome, notification.getCreatedAt(), now(), took));
  }

  /** Records an outcome under this node's claim; a claim another node has taken since is left alone. */
  private boolean record(long id, String outcome, IntSupplier update) {
    Integer updated = transaction.execute(status -> update.getAsInt());
    if (updated == null || updated != 1) {
      log.info("Notification {} was claimed by another node meanwhile; its {} outcome here is not recorded",
          id, outcome);
      return false;
    }
    return true;
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
