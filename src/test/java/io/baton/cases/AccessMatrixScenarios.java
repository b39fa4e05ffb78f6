package io.baton.cases;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.security.Groups;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Staff;
import io.baton.testing.Walk;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Who sees what in {@code /api}, cell by cell, as the README's permission matrix says: the
 * client-facing roles see every case, the client's contact data and the notification log; an
 * integration sees the cases it opened; a team sees the cases it has or had; task data follows
 * Camunda's authorizations. A case one may not see is "not found", like one that does not exist.
 */
public abstract class AccessMatrixScenarios {

  static final String OTHER_INTEGRATION = "t-erp";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  String caseOfCrm;

  @BeforeEach
  void staffAndACase() {
    Staff.ensure(identityService);
    if (identityService.createUserQuery().userId(OTHER_INTEGRATION).count() == 0) {
      User erp = identityService.newUser(OTHER_INTEGRATION);
      erp.setPassword(Staff.PASSWORD);
      identityService.saveUser(erp);
      identityService.createMembership(OTHER_INTEGRATION, Groups.INTEGRATIONS);
    }
    caseOfCrm = as(Staff.INTEGRATION).post("/api/cases", Cases.openRequest(Cases.newReference()))
        .body().get("key").asText();
  }

  private Api as(String user) {
    return user.equals(IntegrationSettings.ADMIN)
        ? Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD)
        : Api.as(http, user, Staff.PASSWORD);
  }

  private static Map<String, Integer> row(Object... cells) {
    Map<String, Integer> row = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i += 2) {
      row.put((String) cells[i], (Integer) cells[i + 1]);
    }
    return row;
  }

  private void assertRow(String what, Map<String, Integer> expected, java.util.function.Function<Api, Api.Response> call) {
    expected.forEach((user, status) ->
        assertThat(call.apply(as(user)).status()).as(what + " as " + user).isEqualTo(status));
  }

  @Test
  void aCaseIsReadByTheClientFacingRolesItsIntegrationAndTheTeamsThatHadIt() {
    Map<String, Integer> atKickoff = row(Staff.ACCOUNT_MANAGER, 200, Staff.TEAM_LEAD, 200, Staff.MANAGER, 200,
        IntegrationSettings.ADMIN, 200, Staff.INTEGRATION, 200, OTHER_INTEGRATION, 404,
        Staff.DELIVERY_LEAD, 404, Staff.DEVELOPER, 404, Staff.QA, 404);
    assertRow("GET case", atKickoff, api -> api.get("/api/cases/" + caseOfCrm));
    assertRow("GET timeline", atKickoff, api -> api.get("/api/cases/" + caseOfCrm + "/timeline"));
    assertRow("POST client-input", row(OTHER_INTEGRATION, 404, Staff.DEVELOPER, 404),
        api -> api.post("/api/cases/" + caseOfCrm + "/client-input", Map.of()));
    assertRow("POST waiting-for-client", row(Staff.DEVELOPER, 404, Staff.QA, 404),
        api -> api.post("/api/cases/" + caseOfCrm + "/waiting-for-client", Map.of("request", "Logo?")));

    Walk.complete(taskService, caseOfCrm, TASK_KICKOFF,
        Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
    assertRow("GET case at Intake", row(Staff.DELIVERY_LEAD, 200, Staff.DEVELOPER, 404, Staff.QA, 404),
        api -> api.get("/api/cases/" + caseOfCrm));
  }

  @Test
  void aNotFoundCaseAndAHiddenOneLookTheSame() {
    Api.Response hidden = as(OTHER_INTEGRATION).get("/api/cases/" + caseOfCrm);
    Api.Response missing = as(OTHER_INTEGRATION).get("/api/cases/C-999999");

    assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
    assertThat(hidden.body().get("detail").asText().replace(caseOfCrm, "K"))
        .isEqualTo(missing.body().get("detail").asText().replace("C-999999", "K"));
  }

  @Test
  void clientContactDataIsOnlyForThoseWhoWorkWithClients() {
    assertThat(as(Staff.ACCOUNT_MANAGER).get("/api/cases/" + caseOfCrm).body().at("/client/email").asText())
        .endsWith("@rila.example");
    assertThat(as(Staff.TEAM_LEAD).get("/api/cases/" + caseOfCrm).body().at("/client/email").isMissingNode()).isFalse();
    assertThat(as(Staff.INTEGRATION).get("/api/cases/" + caseOfCrm).body().at("/client/email").isMissingNode())
        .as("the integration sees the case, not the client's address").isTrue();
    assertThat(as(Staff.INTEGRATION).get("/api/cases/" + caseOfCrm).body().at("/client/name").asText())
        .isNotBlank();

    assertRow("GET notifications", row(Staff.ACCOUNT_MANAGER, 200, Staff.TEAM_LEAD, 200, Staff.MANAGER, 200,
        IntegrationSettings.ADMIN, 200, Staff.INTEGRATION, 403, Staff.DELIVERY_LEAD, 403, Staff.DEVELOPER, 403,
        Staff.QA, 403), api -> api.get("/api/notifications"));
    assertRow("POST notification retry", row(Staff.ACCOUNT_MANAGER, 403, Staff.INTEGRATION, 403,
        Staff.DEVELOPER, 403, Staff.TEAM_LEAD, 404, Staff.MANAGER, 404),
        api -> api.post("/api/notifications/999999/retry", Map.of()));
    assertRow("GET send-back report", row(Staff.ACCOUNT_MANAGER, 200, Staff.TEAM_LEAD, 200, Staff.MANAGER, 200,
        Staff.INTEGRATION, 403, Staff.DEVELOPER, 403, Staff.QA, 403), api -> api.get("/api/reports/send-backs"));
  }

  @Test
  void taskDataFollowsCamundasAuthorizations() {
    assertThat(as(Staff.ACCOUNT_MANAGER).get("/api/cases/" + caseOfCrm).body().get("openTasks"))
        .as("the Kickoff is the account managers' task").hasSize(1);
    assertThat(as(Staff.TEAM_LEAD).get("/api/cases/" + caseOfCrm).body().get("openTasks"))
        .as("team leads read every task").hasSize(1);
    assertThat(as(Staff.INTEGRATION).get("/api/cases/" + caseOfCrm).body().path("openTasks"))
        .as("an integration may read no task").isEmpty();
  }
}
