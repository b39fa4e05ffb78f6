package io.baton.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One promise made, changed, kept or broken. */
@Entity
@Table(name = "promise_event")
public class PromiseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_key", nullable = false)
  private String caseKey;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private PromiseKind kind;

  @Column(name = "promised_date", nullable = false)
  private LocalDate promisedDate;

  @Column(name = "previous_date")
  private LocalDate previousDate;

  private String note;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected PromiseEvent() {}

  PromiseEvent(String caseKey, PromiseKind kind, LocalDate promisedDate, LocalDate previousDate, String note,
      Instant recordedAt) {
    this.caseKey = caseKey;
    this.kind = kind;
    this.promisedDate = promisedDate;
    this.previousDate = previousDate;
    this.note = note;
    this.recordedAt = recordedAt;
  }

  public PromiseKind getKind() {
    return kind;
  }

  public LocalDate getPromisedDate() {
    return promisedDate;
  }

  public LocalDate getPreviousDate() {
    return previousDate;
  }

  public String getNote() {
    return note;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
