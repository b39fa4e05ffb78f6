package io.baton.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The client's satisfaction with a delivered case: 1 to 5, and a comment. */
@Entity
@Table(name = "survey_answer")
class SurveyAnswer {

  @Id
  @Column(name = "case_key")
  private String caseKey;

  @Column(nullable = false)
  private int score;

  private String comment;

  @Column(name = "answered_at", nullable = false)
  private Instant answeredAt;

  /** From then on the answer stays as it is; null for answers from before answers could change. */
  @Column(name = "locked_at")
  private Instant lockedAt;

  protected SurveyAnswer() {}

  SurveyAnswer(String caseKey, int score, String comment, Instant answeredAt, Instant lockedAt) {
    this.caseKey = caseKey;
    this.lockedAt = lockedAt;
    answer(score, comment, answeredAt);
  }

  boolean isLocked(Instant now) {
    return lockedAt == null || !now.isBefore(lockedAt);
  }

  /** A client who answers again, before the answer is locked, changes their answer. */
  void answer(int score, String comment, Instant answeredAt) {
    this.score = score;
    this.comment = comment;
    this.answeredAt = answeredAt;
  }

  int getScore() {
    return score;
  }

  String getComment() {
    return comment;
  }

  Instant getAnsweredAt() {
    return answeredAt;
  }
}
