package io.baton.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

  boolean existsByCaseKeyAndKind(String caseKey, FollowUpKind kind);

  Optional<FollowUp> findByToken(String token);

  @Query("select f from FollowUp f where f.sentAt is null and f.dueAt <= :now order by f.dueAt")
  List<FollowUp> findDue(Instant now);

  /**
   * Takes the follow-up for this node, once; 0 when another node took it first. Its link, if it
   * has one, works until {@code linkExpiresAt}.
   */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update FollowUp f set f.sentAt = :now, f.linkExpiresAt = :linkExpiresAt "
      + "where f.id = :id and f.sentAt is null")
  int take(long id, Instant now, Instant linkExpiresAt);
}
