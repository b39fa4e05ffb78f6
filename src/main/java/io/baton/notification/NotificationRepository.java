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

  /** Claims one for this node; 1 when it got it, 0 when another node was first. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.status = io.baton.notification.NotificationStatus.SENDING, "
      + "n.claimedUntil = :lease, n.version = n.version + 1 where n.id = :id and ("
      + "(n.status = io.baton.notification.NotificationStatus.PENDING and n.nextAttemptAt <= :now) "
      + "or (n.status = io.baton.notification.NotificationStatus.SENDING and n.claimedUntil < :now))")
  int claim(long id, Instant now, Instant lease);
}
