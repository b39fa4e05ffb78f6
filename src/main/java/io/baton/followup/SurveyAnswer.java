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

  protected SurveyAnswer() {}

  SurveyAnswer(String caseKey, int score, String comment, Instant answeredAt) {
    this.caseKey = caseKey;
    answer(score, comment, answeredAt);
  }

  /** A client who answers again changes their answer. */
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
