package io.baton.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something Baton owes a case after delivery, at a set time: a survey, a renewal reminder. */
@Entity
@Table(name = "follow_up")
class FollowUp {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_key", nullable = false)
  private String caseKey;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private FollowUpKind kind;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** The survey's secret link; null for kinds without a link. */
  private String token;

  /** Until when the link works; set when it is sent. */
  @Column(name = "link_expires_at")
  private Instant linkExpiresAt;

  protected FollowUp() {}

  FollowUp(String caseKey, FollowUpKind kind, Instant dueAt, String token) {
    this.caseKey = caseKey;
    this.kind = kind;
    this.dueAt = dueAt;
    this.token = token;
  }

  Long getId() {
    return id;
  }

  String getCaseKey() {
    return caseKey;
  }

  FollowUpKind getKind() {
    return kind;
  }

  Instant getDueAt() {
    return dueAt;
  }

  Instant getSentAt() {
    return sentAt;
  }

  String getToken() {
    return token;
  }

  /** Until when the link works: as set when it was sent, else (sent before links expired) from the sending. */
  Instant linkExpiresAt(java.time.Duration validFor) {
    if (linkExpiresAt != null) {
      return linkExpiresAt;
    }
    return sentAt == null ? null : sentAt.plus(validFor);
  }
}
