package io.baton.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Staff;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The actuator of a Baton without an SMTP server: health is public but its details are for
 * monitoring and administrators; mail shows as held, not down; metrics are closed to staff.
 */
public abstract class ActuatorScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  @Test
  void withoutAnSmtpServerMailIsHeldNotDownAndBatonIsReady() {
    JsonNode health = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD)
        .get("/actuator/health").body();
    assertThat(health.at("/components/mail/status").asText()).isEqualTo("UNKNOWN");
    assertThat(health.at("/components/mail/details/mail").asText()).isEqualTo("HELD");
    assertThat(health.at("/components/dispatcher/details").has("held")).isTrue();
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    Api.Response readiness = Api.anonymous(http).get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
    assertThat(readiness.body().has("components")).as("no details for anyone").isFalse();
  }

  @Test
  void staffNeitherScrapeMetricsNorSeeHealthDetails() {
    Api developer = Api.as(http, Staff.DEVELOPER, Staff.PASSWORD);
    Api.Response scraped = developer.get("/actuator/prometheus");
    assertThat(scraped.status()).isEqualTo(403);
    assertThat(scraped.body().get("type").asText()).isEqualTo("urn:baton:problem:forbidden");
    assertThat(Api.anonymous(http).get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(developer.get("/actuator/health").body().has("components")).isFalse();
    // Not a wrong password of a shared test user: Camunda would lock it out for the other scenarios.
    assertThat(Api.as(http, "t-nobody", "wrong").get("/actuator/health").status()).isEqualTo(401);
  }
}
