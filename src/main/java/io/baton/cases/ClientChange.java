package io.baton.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One changed detail of a client, for the audit trail. A secret's value is never recorded. */
@Entity
@Table(name = "client_change")
class ClientChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "client_id", nullable = false)
  private Long clientId;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Column(nullable = false)
  private String field;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  protected ClientChange() {}

  ClientChange(Long clientId, Instant changedAt, String changedBy, String field, String oldValue, String newValue) {
    this.clientId = clientId;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.field = field;
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  Instant getChangedAt() {
    return changedAt;
  }

  String getChangedBy() {
    return changedBy;
  }

  String getField() {
    return field;
  }

  String getOldValue() {
    return oldValue;
  }

  String getNewValue() {
    return newValue;
  }
}
