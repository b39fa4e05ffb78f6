package io.baton.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.Staff;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A returning client's details are never changed quietly by a new case: the request is a 409
 * that says how to update them, and client-facing staff update them with an audit record.
 */
public abstract class ReturningClientScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Api crm;
  Api amira;
  String email;
  long clientId;

  @BeforeEach
  void aClientWithOneCase() {
    Staff.ensure(identityService);
    crm = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD);
    amira = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    email = "office-" + UUID.randomUUID() + "@rila.example";
    Api.Response first = crm.post("/api/cases", Cases.openRequest(Cases.newReference(), "Rila Digital OOD", email, "bg"));
    assertThat(first.status()).isEqualTo(201);
    clientId = amira.get("/api/cases/" + first.body().get("key").asText()).body().at("/client/id").asLong();
  }

  @Test
  void aCaseForAKnownClientWithOtherDetailsIsAConflictThatSaysHowToUpdate() {
    String reference = Cases.newReference();
    Api.Response renamed = crm.post("/api/cases", Cases.openRequest(reference, "Rila Digital EOOD", email, "en"));

    assertThat(renamed.status()).isEqualTo(409);
    assertThat(renamed.body().get("detail").asText())
        .contains("name, language").contains("PATCH /api/clients/" + clientId);
    assertThat(jdbc.queryForObject("select count(*) from service_case where external_reference = ?",
        Integer.class, reference)).as("no case was opened").isZero();
    assertThat(jdbc.queryForObject("select name from client where id = ?", String.class, clientId))
        .isEqualTo("Rila Digital OOD");

    assertThat(crm.post("/api/cases", Cases.openRequest(Cases.newReference(), "Rila Digital OOD", email, "bg"))
        .status()).as("the same details open a case").isEqualTo(201);
  }

  @Test
  void clientFacingStaffChangeDetailsAndChannelsWithAnAuditRecord() {
    Api.Response changed = patch(amira, Map.of("name", "Rila Digital EOOD", "language", "fi",
        "timeZone", "Europe/Helsinki", "emailNotifications", false));

    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().get("name").asText()).isEqualTo("Rila Digital EOOD");
    JsonNode changes = changed.body().get("changes");
    assertThat(changes.findValuesAsText("field")).containsExactly("name", "language", "timeZone", "emailNotifications");
    assertThat(changes.get(0).get("by").asText()).isEqualTo(Staff.ACCOUNT_MANAGER);
    assertThat(changes.get(0).get("from").asText()).isEqualTo("Rila Digital OOD");

    Map<String, Object> request = new HashMap<>(Cases.openRequest(Cases.newReference(), "Rila Digital EOOD", email, "fi"));
    Map<String, Object> client = new HashMap<>((Map<String, Object>) request.get("client"));
    client.put("timeZone", "Europe/Helsinki");
    client.put("emailNotifications", false);
    request.put("client", client);
    assertThat(crm.post("/api/cases", request).status()).isEqualTo(201);
  }

  @Test
  void aWebhookIsSetAndRemovedButItsSecretNeverShown() {
    String secret = "a-webhook-secret-of-at-least-24-chars";
    Api.Response refused = patch(amira, Map.of("webhookUrl", "http://10.0.0.5/hook", "webhookSecret", secret));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("webhookUrl");

    assertThat(patch(amira, Map.of("webhookUrl", "http://10.0.0.5/hook")).status())
        .as("a URL without its secret").isEqualTo(400);
    Api.Response removed = patch(amira, Map.of("webhookUrl", ""));
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().get("webhookSecretSet").asBoolean()).isFalse();
    assertThat(amira.get("/api/clients/" + clientId).body().toString()).doesNotContain(secret);
  }

  @Test
  void onlyClientFacingStaffSeeOrChangeAClient() {
    assertThat(patch(crm, Map.of("name", "X")).status()).isEqualTo(403);
    assertThat(patch(Api.as(http, Staff.DEVELOPER, Staff.PASSWORD), Map.of("name", "X")).status()).isEqualTo(403);
    assertThat(crm.get("/api/clients/" + clientId).status()).isEqualTo(403);
    assertThat(patch(amira, Map.of("language", "de")).status()).isEqualTo(400);
    assertThat(patch(amira, Map.of("name", " ")).status()).isEqualTo(400);
    assertThat(amira.get("/api/clients/999999").status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select name from client where id = ?", String.class, clientId))
        .isEqualTo("Rila Digital OOD");
  }

  private Api.Response patch(Api api, Map<String, Object> body) {
    return api.exchange(HttpMethod.PATCH, "/api/clients/" + clientId, body);
  }
}
