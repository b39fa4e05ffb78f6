package io.baton.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** The SLA clock of one stage's task. */
@Entity
@Table(name = "task_sla")
public class TaskSla {

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "case_key", nullable = false)
  private String caseKey;

  @Column(nullable = false)
  private String stage;

  private String team;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "target_minutes", nullable = false)
  private long targetMinutes;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "warn_at", nullable = false)
  private Instant warnAt;

  @Column(name = "second_escalation_at", nullable = false)
  private Instant secondEscalationAt;

  @Column(name = "first_escalation")
  private String firstEscalation;

  @Column(name = "second_escalation")
  private String secondEscalation;

  @Column(name = "next_reminder_at")
  private Instant nextReminderAt;

  @Column(name = "reminders_sent", nullable = false)
  private int remindersSent;

  @Column(name = "escalation_level", nullable = false)
  private int escalationLevel;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "paused_since")
  private Instant pausedSince;

  @Column(name = "paused_reason")
  private String pausedReason;

  @Column(name = "paused_total_minutes", nullable = false)
  private long pausedTotalMinutes;

  @Column(name = "next_client_reminder_at")
  private Instant nextClientReminderAt;

  @Column(name = "client_reminders_sent", nullable = false)
  private int clientRemindersSent;

  /** Every change counts it up, the scanner's conditional updates too: a stale write fails, never overwrites. */
  @Version
  private long version;

  protected TaskSla() {}

  TaskSla(String taskId, String caseKey, String stage, String team, Instant startedAt, SlaTarget target,
      Instant warnAt, Instant dueAt, Instant secondEscalationAt) {
    this.taskId = taskId;
    this.caseKey = caseKey;
    this.stage = stage;
    this.team = team;
    this.startedAt = startedAt;
    this.targetMinutes = target.target().toMinutes();
    this.warnAt = warnAt;
    this.dueAt = dueAt;
    this.secondEscalationAt = secondEscalationAt;
    this.firstEscalation = target.firstEscalation();
    this.secondEscalation = target.secondEscalation();
    this.nextReminderAt = warnAt;
  }

  /** The clock stops while the stage waits for the client. */
  void pause(Instant at, String reason, Instant firstClientReminder) {
    pausedSince = at;
    pausedReason = reason;
    nextClientReminderAt = firstClientReminder;
  }

  /**
   * The clock runs again: every point still ahead moves by the business time it stood still, so a
   * wait never counts against the team.
   */
  void resume(java.time.Duration paused, java.util.function.UnaryOperator<Instant> shift) {
    pausedTotalMinutes += paused.toMinutes();
    dueAt = shift.apply(dueAt);
    warnAt = shift.apply(warnAt);
    secondEscalationAt = shift.apply(secondEscalationAt);
    if (nextReminderAt != null) {
      nextReminderAt = shift.apply(nextReminderAt);
    }
    pausedSince = null;
    pausedReason = null;
    nextClientReminderAt = null;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getCaseKey() {
    return caseKey;
  }

  public String getStage() {
    return stage;
  }

  public String getTeam() {
    return team;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Duration getTarget() {
    return Duration.ofMinutes(targetMinutes);
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getWarnAt() {
    return warnAt;
  }

  public Instant getSecondEscalationAt() {
    return secondEscalationAt;
  }

  public String getFirstEscalation() {
    return firstEscalation;
  }

  public String getSecondEscalation() {
    return secondEscalation;
  }

  public Instant getNextReminderAt() {
    return nextReminderAt;
  }

  public int getRemindersSent() {
    return remindersSent;
  }

  public int getEscalationLevel() {
    return escalationLevel;
  }

  public Instant getPausedSince() {
    return pausedSince;
  }

  public String getPausedReason() {
    return pausedReason;
  }

  public Duration getPausedTotal() {
    return Duration.ofMinutes(pausedTotalMinutes);
  }

  public Instant getNextClientReminderAt() {
    return nextClientReminderAt;
  }

  public int getClientRemindersSent() {
    return clientRemindersSent;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
