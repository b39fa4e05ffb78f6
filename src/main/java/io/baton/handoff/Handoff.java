package io.baton.handoff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stage change of a case, with the context the receiving team needs. */
@Entity
@Table(name = "handoff")
public class Handoff {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_key", nullable = false)
  private String caseKey;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private HandoffKind kind;

  @Column(name = "from_stage", nullable = false)
  private String fromStage;

  @Column(name = "from_stage_name")
  private String fromStageName;

  @Column(name = "from_team")
  private String fromTeam;

  @Column(name = "from_user")
  private String fromUser;

  @Column(name = "to_stage", nullable = false)
  private String toStage;

  @Column(name = "to_stage_name")
  private String toStageName;

  @Column(name = "to_team")
  private String toTeam;

  private String note;

  private String reason;

  @Column(name = "open_questions")
  private String openQuestions;

  @Column(name = "checklist_done")
  private String checklistDone;

  @Column(name = "checklist_open")
  private String checklistOpen;

  @Column(name = "step_key", nullable = false, unique = true)
  private String stepKey;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected Handoff() {}

  Handoff(RecordHandoff request, Instant recordedAt) {
    this.caseKey = request.caseKey();
    this.kind = request.kind();
    this.fromStage = request.from().id();
    this.fromStageName = request.from().name();
    this.fromTeam = request.from().team();
    this.fromUser = request.fromUser();
    this.toStage = request.to().id();
    this.toStageName = request.to().name();
    this.toTeam = request.to().team();
    this.note = request.note();
    this.reason = request.reason();
    this.openQuestions = request.openQuestions();
    this.checklistDone = request.checklistDone();
    this.checklistOpen = request.checklistOpen();
    this.stepKey = request.stepKey();
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public String getCaseKey() {
    return caseKey;
  }

  public HandoffKind getKind() {
    return kind;
  }

  public String getFromStage() {
    return fromStage;
  }

  public String getFromStageName() {
    return fromStageName;
  }

  public String getFromTeam() {
    return fromTeam;
  }

  public String getFromUser() {
    return fromUser;
  }

  public String getToStage() {
    return toStage;
  }

  public String getToStageName() {
    return toStageName;
  }

  public String getToTeam() {
    return toTeam;
  }

  public String getNote() {
    return note;
  }

  public String getReason() {
    return reason;
  }

  public String getOpenQuestions() {
    return openQuestions;
  }

  public String getChecklistDone() {
    return checklistDone;
  }

  public String getChecklistOpen() {
    return checklistOpen;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
