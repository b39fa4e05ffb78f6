package io.baton.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  boolean existsByEventId(String eventId);

  List<Notification> findByCaseKeyOrderByIdAsc(String caseKey);

  List<Notification> findByStatusOrderByIdAsc(NotificationStatus status);

  /** Ready to go: due pending ones, and claims whose node went away before finishing. */
  @Query("select n.id from Notification n where (n.status = io.baton.notification.NotificationStatus.PENDING "
      + "and n.nextAttemptAt <= :now) or (n.status = io.baton.notification.NotificationStatus.SENDING "
      + "and n.claimedUntil < :now) order by n.nextAttemptAt, n.id")
  List<Long> findDue(Instant now, Pageable page);

  /** Claims one for this node under {@code claim}; 1 when it got it, 0 when another node was first. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.status = io.baton.notification.NotificationStatus.SENDING, "
      + "n.claimedUntil = :lease, n.claimToken = :claim, n.version = n.version + 1 where n.id = :id and ("
      + "(n.status = io.baton.notification.NotificationStatus.PENDING and n.nextAttemptAt <= :now) "
      + "or (n.status = io.baton.notification.NotificationStatus.SENDING and n.claimedUntil < :now))")
  int claim(long id, Instant now, Instant lease, String claim);

  /** Sent, under this node's claim; 0 when another node has claimed it since. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.status = io.baton.notification.NotificationStatus.SENT, "
      + "n.attempts = n.attempts + 1, n.sentAt = :at, n.lastError = null, n.claimedUntil = null, "
      + "n.claimToken = null, n.version = n.version + 1 where n.id = :id and n.claimToken = :claim")
  int recordSent(long id, String claim, Instant at);

  /** A failed attempt, under this node's claim: PENDING again at {@code next}, or FAILED after the last. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.status = :status, n.attempts = n.attempts + 1, n.lastError = :error, "
      + "n.nextAttemptAt = :next, n.claimedUntil = null, n.claimToken = null, n.version = n.version + 1 "
      + "where n.id = :id and n.claimToken = :claim")
  int recordAttemptFailed(long id, String claim, String error, Instant next, NotificationStatus status);

  /** Held until its channel can deliver, under this node's claim. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.status = io.baton.notification.NotificationStatus.HELD, "
      + "n.lastError = :reason, n.claimedUntil = null, n.claimToken = null, n.version = n.version + 1 "
      + "where n.id = :id and n.claimToken = :claim")
  int recordHeld(long id, String claim, String reason);
}
