package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.Staff;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** With no SMTP server configured, mail is kept and shown to staff, never silently dropped. */
public abstract class HeldMailScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired NotificationDispatcher dispatcher;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  @Test
  void mailWithoutAnSmtpServerIsHeldAndListed() {
    String key = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();

    dispatcher.dispatchDue();

    JsonNode held = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .get("/api/notifications?status=HELD&caseKey=" + key).body();
    assertThat(held).hasSize(1);
    assertThat(held.get(0).get("template").asText()).isEqualTo("case-opened");
    assertThat(held.get(0).get("language").asText()).isEqualTo("bg");
    assertThat(held.get(0).get("lastError").asText()).contains("spring.mail.host");
    assertThat(held.get(0).get("subject").asText()).contains(key);
  }
}
