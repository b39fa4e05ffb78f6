package io.baton.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Requests to open cases, as a CRM would send them. */
public final class Cases {

  private Cases() {}

  public static Map<String, Object> openRequest(String reference) {
    return openRequest(reference, "Rila Digital OOD", "projects-" + reference + "@rila.example", "bg");
  }

  public static Map<String, Object> openRequest(String reference, String client, String email, String language) {
    return Map.of(
        "externalReference", reference,
        "client", Map.of("name", client, "email", email, "language", language, "timeZone", "Europe/Sofia"),
        "service", "website-build",
        "tier", "standard",
        "promisedDate", LocalDate.now().plusWeeks(8).toString());
  }

  public static String newReference() {
    return "crm-" + UUID.randomUUID();
  }
}
