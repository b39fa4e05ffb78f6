package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.security.Groups;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Staff;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Integrations authenticate with API tokens that an administrator creates, lists and revokes. */
public abstract class ApiTokenScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Api admin;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
    admin = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD);
  }

  private JsonNode newToken(String user) {
    Api.Response created = admin.post("/api/tokens", Map.of("name", "crm " + UUID.randomUUID(), "user", user));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body();
  }

  @Test
  void anIntegrationWorksWithItsTokenWhileItsPasswordIsLockedOut() {
    // An integration of its own: Camunda locks a user out for a while after wrong passwords, and
    // the other scenarios log in as Staff.INTEGRATION.
    String integration = "t-crm-locked-out";
    if (identityService.createUserQuery().userId(integration).count() == 0) {
      var user = identityService.newUser(integration);
      user.setPassword(Staff.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(integration, Groups.INTEGRATIONS);
    }
    JsonNode created = newToken(integration);
    String token = created.get("token").asText();
    assertThat(token).startsWith("baton_").hasSizeGreaterThan(40);

    // Anyone can lock a password by guessing wrong; a token does not care.
    for (int i = 0; i < 3; i++) {
      Api.as(http, integration, "wrong-" + i).get("/api/cases/C-1");
    }
    assertThat(Api.as(http, integration, Staff.PASSWORD).get("/api/cases/C-1").status())
        .as("the password is locked out").isEqualTo(401);
    Api crm = Api.withToken(http, token);
    Api.Response opened = crm.post("/api/cases", Cases.openRequest(Cases.newReference()));
    assertThat(opened.status()).isEqualTo(201);
    assertThat(crm.get("/api/cases/" + opened.body().get("key").asText()).status()).isEqualTo(200);
    assertThat(crm.get("/engine-rest/task/count").status()).as("the engine REST API too").isEqualTo(200);
    assertThat(jdbc.queryForObject("select opened_by from service_case where case_key = ?", String.class,
        opened.body().get("key").asText())).isEqualTo(integration);
  }

  @Test
  void tokensAreStoredHashedListedWithTheirLastUseAndNeverShownAgain() {
    JsonNode created = newToken(Staff.INTEGRATION);
    String token = created.get("token").asText();
    long id = created.get("id").asLong();

    String stored = jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id);
    assertThat(stored).isNotEqualTo(token).doesNotContain(token.substring(6)).hasSize(64);
    JsonNode listed = find(admin.get("/api/tokens").body(), id);
    assertThat(listed.has("token")).as("a token is shown once, when it is created").isFalse();
    assertThat(listed.has("lastUsedAt")).isFalse();

    Api.withToken(http, token).get("/api/reports/send-backs");
    assertThat(find(admin.get("/api/tokens").body(), id).get("lastUsedAt").asText()).isNotBlank();
    assertThat(admin.get("/api/tokens").body().toString()).doesNotContain(token);
  }

  @Test
  void aRevokedTokenStopsAtOnce() {
    JsonNode created = newToken(Staff.INTEGRATION);
    Api crm = Api.withToken(http, created.get("token").asText());
    assertThat(crm.post("/api/cases", Cases.openRequest(Cases.newReference())).status()).isEqualTo(201);

    assertThat(admin.exchange(HttpMethod.DELETE, "/api/tokens/" + created.get("id").asLong(), null).status())
        .isEqualTo(200);
    Api.Response refused = crm.post("/api/cases", Cases.openRequest(Cases.newReference()));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    assertThat(find(admin.get("/api/tokens").body(), created.get("id").asLong()).get("revokedAt").asText())
        .isNotBlank();
  }

  @Test
  void onlyAnAdministratorManagesTokensAndAnUnknownTokenIs401() {
    Api amira = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    assertThat(amira.post("/api/tokens", Map.of("name", "mine", "user", Staff.ACCOUNT_MANAGER)).status())
        .isEqualTo(403);
    assertThat(amira.get("/api/tokens").status()).isEqualTo(403);
    assertThat(Api.withToken(http, "baton_not-a-real-token").get("/api/cases/C-1").status()).isEqualTo(401);
    assertThat(admin.post("/api/tokens", Map.of("name", "ghost", "user", "nobody-at-all")).status())
        .isEqualTo(400);
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode token : list) {
      if (token.get("id").asLong() == id) {
        return token;
      }
    }
    throw new AssertionError("token " + id + " is not listed: " + list);
  }
}
