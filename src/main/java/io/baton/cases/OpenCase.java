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
    LocalDate promisedDate) {}
