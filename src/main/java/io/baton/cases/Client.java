package io.baton.cases;

import io.baton.secrets.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** The customer organisation: who to tell, in which language and time zone. */
@Entity
@Table(name = "client")
public class Client {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Language language;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "email_enabled", nullable = false)
  private boolean emailEnabled = true;

  @Column(name = "webhook_url")
  private String webhookUrl;

  /** Encrypted at rest; never part of an API answer. */
  @Column(name = "webhook_secret")
  @Convert(converter = EncryptedString.class)
  private String webhookSecret;

  protected Client() {}

  public Client(String name, String email, Language language, ZoneId timeZone, Instant createdAt) {
    this.name = name;
    this.email = email;
    this.language = language;
    this.timeZone = timeZone.getId();
    this.createdAt = createdAt;
  }

  void update(String name, Language language, ZoneId timeZone) {
    this.name = name;
    this.language = language;
    this.timeZone = timeZone.getId();
  }

  /** Where and how the client wants to be told; a webhook needs both its URL and its secret. */
  void useChannels(boolean emailEnabled, String webhookUrl, String webhookSecret) {
    this.emailEnabled = emailEnabled;
    this.webhookUrl = webhookUrl;
    this.webhookSecret = webhookSecret;
  }

  public boolean isEmailEnabled() {
    return emailEnabled;
  }

  public boolean isWebhookEnabled() {
    return webhookUrl != null && webhookSecret != null;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  public String getWebhookSecret() {
    return webhookSecret;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Language getLanguage() {
    return language;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }
}
