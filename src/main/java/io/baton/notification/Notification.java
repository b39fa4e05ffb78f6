package io.baton.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One message to one recipient on one channel. Written in the transaction of the process step
 * that caused it, delivered afterwards by {@link NotificationDispatcher}: at least once, and
 * never twice for the same event id.
 */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  private String eventId;

  @Column(name = "case_key")
  private String caseKey;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Audience audience;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String template;

  @Column(nullable = false)
  private String language;

  @Column(nullable = false)
  private String subject;

  @Column(name = "body_text", nullable = false)
  private String bodyText;

  @Column(name = "body_html")
  private String bodyHtml;

  private String payload;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  /** Which node's claim the current SENDING belongs to; only that claim records the outcome. */
  @Column(name = "claim_token")
  private String claimToken;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version
  private long version;

  protected Notification() {}

  Notification(String eventId, String caseKey, Audience audience, Channel channel, String recipient,
      String template, String language, Rendered message, String payload, Instant now) {
    this.eventId = eventId;
    this.caseKey = caseKey;
    this.audience = audience;
    this.channel = channel;
    this.recipient = recipient;
    this.template = template;
    this.language = language;
    this.subject = message.subject();
    this.bodyText = message.text();
    this.bodyHtml = message.html();
    this.payload = payload;
    this.status = NotificationStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** An operator's retry, or a channel that became available: try again now, with fresh attempts. */
  void release(Instant now) {
    status = NotificationStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    claimedUntil = null;
    claimToken = null;
  }

  public Long getId() {
    return id;
  }

  public String getEventId() {
    return eventId;
  }

  public String getCaseKey() {
    return caseKey;
  }

  public Audience getAudience() {
    return audience;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getTemplate() {
    return template;
  }

  public String getLanguage() {
    return language;
  }

  public String getSubject() {
    return subject;
  }

  public String getBodyText() {
    return bodyText;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public String getPayload() {
    return payload;
  }

  public NotificationStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
