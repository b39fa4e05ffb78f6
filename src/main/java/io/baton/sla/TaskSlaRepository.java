package io.baton.sla;

import java.time.Instant;
import java.util.List;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TaskSlaRepository extends JpaRepository<TaskSla, String> {

  List<TaskSla> findByCaseKeyAndCompletedAtIsNull(String caseKey);

  @Query("select t from TaskSla t where t.completedAt is null and t.pausedSince is not null "
      + "and t.nextClientReminderAt <= :now order by t.nextClientReminderAt")
  List<TaskSla> findClientReminderDue(Instant now);

  /** Takes the client reminder due at {@code due} for this node; 0 when another node took it first. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update TaskSla t set t.nextClientReminderAt = :next, t.clientRemindersSent = t.clientRemindersSent + 1, "
      + "t.version = t.version + 1 "
      + "where t.taskId = :taskId and t.nextClientReminderAt = :due and t.pausedSince is not null")
  int takeClientReminder(String taskId, Instant due, Instant next);

  java.util.Optional<TaskSla> findFirstByCaseKeyAndStageAndCompletedAtIsNullOrderByStartedAtDesc(
      String caseKey, String stage);

  /** Finished clocks of one stage for cases of one service and tier, newest first: the history to learn from. */
  @Query("select t from TaskSla t, ServiceCase c where c.key = t.caseKey and c.service = :service "
      + "and c.tier = :tier and t.stage = :stage and t.completedAt is not null order by t.completedAt desc")
  List<TaskSla> findFinished(String service, io.baton.cases.Tier tier, String stage,
      org.springframework.data.domain.Pageable page);

  @Query("select t from TaskSla t where t.completedAt is null and t.pausedSince is null "
      + "and t.nextReminderAt <= :now order by t.nextReminderAt")
  List<TaskSla> findReminderDue(Instant now);

  @Query("select t from TaskSla t where t.completedAt is null and t.pausedSince is null "
      + "and ((t.escalationLevel = 0 and t.dueAt <= :now) "
      + "or (t.escalationLevel = 1 and t.secondEscalationAt <= :now)) order by t.dueAt")
  List<TaskSla> findEscalationDue(Instant now);

  /** Takes the reminder due at {@code due} for this node; 0 when another node took it first. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update TaskSla t set t.nextReminderAt = :next, t.remindersSent = t.remindersSent + 1, "
      + "t.version = t.version + 1 "
      + "where t.taskId = :taskId and t.nextReminderAt = :due and t.completedAt is null and t.pausedSince is null")
  int takeReminder(String taskId, Instant due, Instant next);

  /** Moves the task from one escalation level to the next, once; 0 when another node was first. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update TaskSla t set t.escalationLevel = :level, t.version = t.version + 1 where t.taskId = :taskId "
      + "and t.escalationLevel = :level - 1 and t.completedAt is null and t.pausedSince is null")
  int takeEscalation(String taskId, int level);

  /** Stops the clock of a task that is done; a clock already stopped keeps its first end. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update TaskSla t set t.completedAt = :at, t.nextReminderAt = null, t.version = t.version + 1 "
      + "where t.taskId = :taskId and t.completedAt is null")
  int complete(String taskId, Instant at);

  /**
   * The open clocks of a case, locked until the caller's transaction ends: of two requests for the
   * same case at once, the second sees what the first did.
   */
  @Query("select t.taskId from TaskSla t where t.caseKey = :caseKey and t.completedAt is null order by t.taskId")
  List<String> openTaskIds(String caseKey);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from TaskSla t where t.caseKey = :caseKey and t.completedAt is null order by t.taskId")
  List<TaskSla> lockOpen(String caseKey);

  /**
   * Locks the engine's row of a task, if it is still there, until the caller's transaction ends.
   * Taken before the task's clock, in the order a task completion takes them (task, then clock), so
   * that the scanner and a completion wait for each other instead of deadlocking.
   */
  @Query(value = "select id_ from act_ru_task where id_ = :taskId for update", nativeQuery = true)
  List<String> lockTask(String taskId);
}
