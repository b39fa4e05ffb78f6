package io.baton.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named API token that acts as one Camunda user. Only the SHA-256 of the token is stored. */
@Entity
@Table(name = "api_token")
class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false)
  private String tokenPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(String name, String userId, String tokenHash, String tokenPrefix, Instant createdAt, String createdBy) {
    this.name = name;
    this.userId = userId;
    this.tokenHash = tokenHash;
    this.tokenPrefix = tokenPrefix;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  boolean isActive() {
    return revokedAt == null;
  }

  Long getId() {
    return id;
  }

  String getName() {
    return name;
  }

  String getUserId() {
    return userId;
  }

  String getTokenPrefix() {
    return tokenPrefix;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getLastUsedAt() {
    return lastUsedAt;
  }

  Instant getRevokedAt() {
    return revokedAt;
  }
}
