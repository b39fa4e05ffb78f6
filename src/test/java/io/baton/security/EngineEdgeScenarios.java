package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Staff;
import io.baton.testing.Webapp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

/**
 * The edge in front of the Camunda REST API and the webapps' API: nothing a caller sends is
 * evaluated, a candidate acts only for themself, and each webapp's API answers only its users.
 */
public abstract class EngineEdgeScenarios {

  /** Would resolve to "t-amira" if the engine evaluated it. */
  static final String CONCAT = "${'t-ami'.concat('ra')}";
  static final String CLASS_FOR_NAME = "${''.getClass().forName('java.lang.Runtime')}";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;

  Api amira;
  Api admin;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
    amira = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    admin = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD);
  }

  /** A query-string value, encoded so that the request carries it exactly. */
  static String q(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private String root() {
    return http.getRootUri();
  }

  private Task newKickoff() {
    String key = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();
    return taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  private static void assertRefused(Api.Response response, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.body().get("type").asText()).isEqualTo("urn:baton:problem:expression-refused");
    assertThat(response.body().get("detail").asText()).contains(field).contains("never evaluates");
  }

  @Test
  void anExpressionNestedInOrQueriesIsRefusedAndNeverEvaluated() {
    assertThat(amira.post("/engine-rest/task/count",
        Map.of("orQueries", List.of(Map.of("assignee", Staff.ACCOUNT_MANAGER)))).status())
        .as("the same query with a literal value works").isEqualTo(200);

    assertRefused(amira.post("/engine-rest/task/count",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", CONCAT)))), "orQueries[0].assigneeExpression");
    assertRefused(amira.post("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("candidateGroupExpression", CLASS_FOR_NAME)))),
        "orQueries[0].candidateGroupExpression");
    assertRefused(amira.post("/engine-rest/task/count", Map.of("assigneeExpression", "#{1+1}")),
        "assigneeExpression");
    assertRefused(amira.post("/engine-rest/task/count",
        "{\"assigneeExpression\":\"\\u0024{'t-ami'.concat('ra')}\"}"), "assigneeExpression");
    assertRefused(amira.post("/engine-rest/task/count",
        "{\"assignee\":\"t-amira\"} {\"assigneeExpression\":\"" + CONCAT + "\"}"), "assigneeExpression");
  }

  @Test
  void expressionsAreRefusedInEveryKindOfQueryGetOrPost() {
    assertRefused(amira.get("/engine-rest/task?assigneeExpression=" + q(CONCAT)), "assigneeExpression");
    assertRefused(amira.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), "assigneeExpression");
    assertRefused(amira.get("/engine-rest/process-instance?businessKey=" + q(CONCAT)), "businessKey");
    assertRefused(amira.post("/engine-rest/process-instance",
        Map.of("orQueries", List.of(Map.of("businessKey", CONCAT)))), "orQueries[0].businessKey");
    assertRefused(amira.get("/engine-rest/history/task?taskAssignee=" + q(CONCAT)), "taskAssignee");
    assertRefused(amira.post("/engine-rest/history/process-instance",
        Map.of("orQueries", List.of(Map.of("processInstanceBusinessKey", CLASS_FOR_NAME)))),
        "orQueries[0].processInstanceBusinessKey");
    assertRefused(amira.get("/engine-rest/engine/default/task?assigneeExpression=" + q(CONCAT)), "assigneeExpression");
  }

  @Test
  void savedFiltersNeitherTakeNorRunExpressions() {
    Api.Response created = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "Tricky", "query", Map.of("assigneeExpression", CONCAT)));
    assertRefused(created, "query.assigneeExpression");
    assertThat(filterService.createTaskFilterQuery().filterName("Tricky").count()).isZero();

    // A filter that holds an expression anyway (written straight to the engine) is not evaluated.
    Filter stored = filterService.saveFilter(filterService.newTaskFilter("Stored expression")
        .setQuery(taskService.createTaskQuery().taskAssignee(Staff.ACCOUNT_MANAGER)));
    try {
      assertRefused(admin.post("/engine-rest/filter/" + stored.getId() + "/list",
          Map.of("assigneeExpression", CONCAT)), "assigneeExpression");
      assertRefused(admin.post("/engine-rest/filter/" + stored.getId() + "/count",
          Map.of("orQueries", List.of(Map.of("assigneeExpression", CONCAT)))), "orQueries[0].assigneeExpression");
      assertThat(admin.get("/engine-rest/filter/" + stored.getId() + "/count").status()).isEqualTo(200);
    } finally {
      filterService.deleteFilter(stored.getId());
    }
  }

  @Test
  void theEngineItselfStoresAndRunsNoExpression() {
    assertThatThrownBy(() -> filterService.saveFilter(filterService.newTaskFilter("Stored expression")
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression(CONCAT))))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("forbidden in stored queries");
    assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression(CONCAT).count())
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("forbidden in adhoc queries");
  }

  @Test
  void tasklistsOwnApiCallsAreCheckedToo() {
    Webapp tasklist = Webapp.logIn(root(), "tasklist", Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);

    assertRefused(tasklist.post("/camunda/api/engine/engine/default/task/count",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", CONCAT)))), "orQueries[0].assigneeExpression");
    assertRefused(tasklist.get("/camunda/api/engine/engine/default/task?assigneeExpression=" + q(CONCAT)),
        "assigneeExpression");
    String filter = tasklist.get("/camunda/api/engine/engine/default/filter").body().get(0).get("id").asText();
    assertRefused(tasklist.post("/camunda/api/engine/engine/default/filter/" + filter + "/list",
        Map.of("assigneeExpression", CONCAT)), "assigneeExpression");
  }

  @Test
  void dataIsStoredAsWrittenNeverEvaluated() {
    Task kickoff = newKickoff();
    assertThat(amira.post("/engine-rest/task/" + kickoff.getId() + "/claim",
        Map.of("userId", Staff.ACCOUNT_MANAGER)).status()).isEqualTo(204);
    String note = "Client wrote ${price} literally in the brief";
    Api.Response completed = amira.post("/engine-rest/task/" + kickoff.getId() + "/submit-form",
        Map.of("variables", Map.of("kickoffNote", Map.of("value", note, "type", "String"),
            "scopeConfirmed", Map.of("value", true, "type", "Boolean"))));

    assertThat(completed.status()).as(completed.body().toString()).isIn(200, 204);
    assertThat(runtimeService.getVariable(kickoff.getProcessInstanceId(), "kickoffNote")).isEqualTo(note);
  }

  @Test
  void aCandidateClaimsOnlyForThemself() {
    Task kickoff = newKickoff();
    String claim = "/engine-rest/task/" + kickoff.getId() + "/claim";

    Api.Response forDimitar = amira.post(claim, Map.of("userId", Staff.DEVELOPER));
    assertThat(forDimitar.status()).isEqualTo(403);
    assertThat(forDimitar.body().get("detail").asText()).contains("\"userId\": \"" + Staff.ACCOUNT_MANAGER + "\"");
    assertThat(amira.post(claim, Map.of()).status()).as("no userId would unassign").isEqualTo(403);
    assertThat(amira.post(claim, "{\"userId\":null}").status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();

    assertThat(amira.post(claim, Map.of("userId", Staff.ACCOUNT_MANAGER)).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee())
        .isEqualTo(Staff.ACCOUNT_MANAGER);
  }

  @Test
  void theHolderGivesATaskBackAndNobodyElseTakesItAway() {
    Task kickoff = newKickoff();
    String task = "/engine-rest/task/" + kickoff.getId();
    assertThat(amira.post(task + "/claim", Map.of("userId", Staff.ACCOUNT_MANAGER)).status()).isEqualTo(204);

    assertThat(Api.as(http, Staff.DEVELOPER, Staff.PASSWORD).post(task + "/unclaim", Map.of()).status())
        .as("another team's member").isIn(403, 404);
    assertThat(amira.post(task + "/assignee", Map.of("userId", Staff.DEVELOPER)).status())
        .as("the holder does not hand it to someone else").isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee())
        .isEqualTo(Staff.ACCOUNT_MANAGER);

    assertThat(amira.post(task + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();
    assertThat(amira.post(task + "/unclaim", Map.of()).status())
        .as("an unassigned task is nobody's to give back").isEqualTo(403);
  }

  @Test
  void inTasklistToo() {
    Task kickoff = newKickoff();
    Webapp tasklist = Webapp.logIn(root(), "tasklist", Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    String task = "/camunda/api/engine/engine/default/task/" + kickoff.getId();

    assertThat(tasklist.post(task + "/claim", Map.of("userId", Staff.DEVELOPER)).status()).isEqualTo(403);
    Api.Response claimed = tasklist.post(task + "/claim", Map.of("userId", Staff.ACCOUNT_MANAGER));
    assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
    assertThat(tasklist.post(task + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void eachWebappsApiAnswersOnlyItsOwnUsers() {
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    Webapp tasklistUser = Webapp.logIn(root(), "tasklist", Staff.ACCOUNT_MANAGER, Staff.PASSWORD);

    Api.Response refused = tasklistUser.get(statistics);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.body().get("detail").asText()).contains("Cockpit");
    assertThat(tasklistUser.get("/camunda/api/admin/plugin/adminPlugins/default/audit/").status())
        .isIn(403, 404);
    assertThat(Webapp.anonymous(root()).get(statistics).status()).isEqualTo(401);

    Webapp manager = Webapp.logIn(root(), "cockpit", Staff.MANAGER, Staff.PASSWORD);
    assertThat(manager.get(statistics).status()).isEqualTo(200);
  }

  @Test
  void eachPersonSeesTheirOwnFiltersWithoutExpressions() {
    Webapp tasklist = Webapp.logIn(root(), "tasklist", Staff.QA, Staff.PASSWORD);
    Api.Response filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task");

    assertThat(filters.status()).isEqualTo(200);
    List<String> names = filters.body().findValuesAsText("name");
    assertThat(names).contains(TasklistFilters.MY_TASKS, TasklistFilters.TEAM_FILTERS.get(Groups.QA))
        .doesNotContain(TasklistFilters.TEAM_FILTERS.get(Groups.ACCOUNT_MANAGERS), TasklistFilters.ALL_TASKS);
    assertThat(names.stream().filter(TasklistFilters.MY_TASKS::equals)).as("only Quentin's own").hasSize(1);
    filterService.createTaskFilterQuery().list().forEach(filter ->
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getExpressions())
            .as(filter.getName()).isEmpty());
  }
}
