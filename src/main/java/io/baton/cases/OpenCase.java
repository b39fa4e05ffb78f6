package io.baton.cases;

import java.time.LocalDate;
import java.time.ZoneId;

/** What it takes to open a case. */
public record OpenCase(
    String externalReference,
    String clientName,
    String clientEmail,
    Language language,
    ZoneId timeZone,
    String service,
    Tier tier,
    LocalDate promisedDate,
    boolean emailEnabled,
    String webhookUrl,
    String webhookSecret,
    LocalDate contractEnd) {

  /** A case without a contract end date. */
  public OpenCase(String externalReference, String clientName, String clientEmail, Language language,
      ZoneId timeZone, String service, Tier tier, LocalDate promisedDate, boolean emailEnabled, String webhookUrl,
      String webhookSecret) {
    this(externalReference, clientName, clientEmail, language, timeZone, service, tier, promisedDate,
        emailEnabled, webhookUrl, webhookSecret, null);
  }

  /** A case whose client is told by email only. */
  public OpenCase(String externalReference, String clientName, String clientEmail, Language language,
      ZoneId timeZone, String service, Tier tier, LocalDate promisedDate) {
    this(externalReference, clientName, clientEmail, language, timeZone, service, tier, promisedDate,
        true, null, null, null);
  }
}
