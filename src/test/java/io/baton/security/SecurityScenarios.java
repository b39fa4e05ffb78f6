package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Staff;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

/** Nobody gets in where they don't belong. Run on H2 and on PostgreSQL. */
public abstract class SecurityScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  @Test
  void apisWithoutCredentialsAnswer401() {
    for (String path : new String[] {"/api/cases/C-1", "/engine-rest/task", "/engine-rest/engine"}) {
      Api.Response response = Api.anonymous(http).get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }
    Api.Response opened = Api.anonymous(http).post("/api/cases", Cases.openRequest(Cases.newReference()));
    assertThat(opened.status()).isEqualTo(401);
    assertThat(opened.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aWrongPasswordAnswers401() {
    // A user of its own: Camunda locks a user out for a while after a wrong password.
    if (identityService.createUserQuery().userId("t-forgetful").count() == 0) {
      var user = identityService.newUser("t-forgetful");
      user.setPassword(Staff.PASSWORD);
      identityService.saveUser(user);
    }
    assertThat(Api.as(http, "t-forgetful", "not-the-password").get("/engine-rest/task").status())
        .isEqualTo(401);
    assertThat(Api.as(http, "nobody", "nothing").get("/api/cases/C-1").status()).isEqualTo(401);
  }

  @Test
  void aUserOfAnotherGroupCanNeitherSeeNorCompleteTheTask() {
    String key = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();
    Task kickoff = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    Api qa = Api.as(http, Staff.QA, Staff.PASSWORD);

    assertThat(qa.get("/engine-rest/task?processInstanceBusinessKey=" + key).body()).isEmpty();
    assertThat(qa.get("/engine-rest/task/" + kickoff.getId()).status()).isIn(403, 404);
    assertThat(qa.get("/engine-rest/task/" + kickoff.getId() + "/form-variables").status()).isEqualTo(403);
    assertThat(qa.post("/engine-rest/task/" + kickoff.getId() + "/claim",
        Map.of("userId", Staff.QA)).status()).isEqualTo(403);
    assertThat(qa.post("/engine-rest/task/" + kickoff.getId() + "/complete", Map.of()).status())
        .isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult())
        .as("the Kickoff task is still open and unclaimed")
        .extracting(Task::getAssignee).isNull();
    assertThat(Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .get("/engine-rest/task?processInstanceBusinessKey=" + key).body())
        .as("the account managers do see it").hasSize(1);
  }

  @Test
  void onlyAccountManagersManagersAndIntegrationsOpenCases() {
    Api.Response developer = Api.as(http, Staff.DEVELOPER, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference()));
    assertThat(developer.status()).isEqualTo(403);
    assertThat(developer.body().get("title").asText()).isEqualTo("Forbidden");

    assertThat(Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).status()).isEqualTo(201);
  }

  @Test
  void staffPutACaseOnHoldForTheClientAndTheClientsReplyResumesIt() {
    String key = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();
    String waiting = "/api/cases/" + key + "/waiting-for-client";

    assertThat(Api.as(http, Staff.INTEGRATION, Staff.PASSWORD).post(waiting, Map.of("request", "Logo?")).status())
        .as("an integration does not decide to wait").isEqualTo(403);
    assertThat(Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD).post(waiting, Map.of("request", " ")).status())
        .isEqualTo(400);
    Api.Response paused = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .post(waiting, Map.of("request", "The logo in SVG, please."));
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.body().get("stages").asInt()).isEqualTo(1);
    assertThat(Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .post(waiting, Map.of("request", "Again")).status()).isEqualTo(409);

    Api.Response resumed = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases/" + key + "/client-input", Map.of());
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.body().get("caseKey").asText()).isEqualTo(key);
  }

  @Test
  void theAdminWebappFirstRunSetupIsClosed() {
    Map<String, Object> intruder = Map.of(
        "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@n.example"),
        "credentials", Map.of("password", "owned"));
    Api.Response setup = Api.anonymous(http).post("/camunda/api/admin/setup/default/user/create", intruder);

    assertThat(setup.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertThat(Api.anonymous(http).get("/camunda/app/admin/default/setup/").status()).isEqualTo(403);
  }

  @Test
  void theAdministratorComesFromTheEnvironment() {
    assertThat(identityService.createUserQuery().userId(IntegrationSettings.ADMIN)
        .memberOfGroup(Groups.ADMINS).count()).isEqualTo(1);
    assertThat(identityService.checkPassword(IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD))
        .isTrue();
    assertThat(identityService.createUserQuery().userId("demo").count())
        .as("no demo user outside the demo profile").isZero();
  }
}
