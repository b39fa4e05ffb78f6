package io.baton.cases;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.security.Groups;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.Staff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A case opened over the API and worked through Tasklist's REST calls by the user of each stage's
 * team, to the end. Run on H2 and on PostgreSQL.
 */
public abstract class CaseLifecycleScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  @Test
  void caseOpenedOverTheApiIsWorkedStageByStageAndCloses() {
    Api.Response opened = integration().post("/api/cases", Cases.openRequest(Cases.newReference()));
    assertThat(opened.status()).isEqualTo(201);
    String key = opened.body().get("key").asText();
    assertThat(opened.headers().getLocation()).hasToString("/api/cases/" + key);
    assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");

    work(key, TASK_KICKOFF, Groups.ACCOUNT_MANAGERS,
        Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "Scope agreed with Ivana."));
    work(key, TASK_INTAKE, Groups.DELIVERY_LEADS,
        Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "Two sprints."));
    work(key, TASK_DELIVERY, Groups.DELIVERY, Map.of(Variables.DELIVERY_NOTE, "Site built."));
    work(key, TASK_QUALITY_REVIEW, Groups.QA,
        Map.of(Variables.QA_APPROVED, false, Variables.QA_NOTE, "The contact form does not send."));

    JsonNode rework = work(key, TASK_DELIVERY, Groups.DELIVERY,
        Map.of(Variables.DELIVERY_NOTE, "Contact form fixed."));
    assertThat(rework.at("/" + Variables.QA_NOTE + "/value").asText())
        .as("the delivery team sees why QA sent the work back")
        .isEqualTo("The contact form does not send.");

    work(key, TASK_QUALITY_REVIEW, Groups.QA,
        Map.of(Variables.QA_APPROVED, true, Variables.QA_NOTE, "All checks pass."));
    work(key, TASK_HANDOVER, Groups.ACCOUNT_MANAGERS,
        Map.of(Variables.CLIENT_ACCEPTED, true, Variables.HANDOVER_NOTE, "Accepted on the call."));

    String processInstanceId = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult().getId();
    Job checkInTimer = managementService.createJobQuery().processInstanceId(processInstanceId)
        .timers().singleResult();
    assertThat(checkInTimer).as("the check-in waits on a timer").isNotNull();
    managementService.executeJob(checkInTimer.getId());

    work(key, TASK_CHECK_IN, Groups.ACCOUNT_MANAGERS,
        Map.of(Variables.CHECK_IN_NOTE, "Traffic is up; they want a blog next."));

    JsonNode closed = integration().get("/api/cases/" + key).body();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("closedAt")).isNotNull();
    assertThat(closed.get("openTasks")).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
        .completed().count()).isEqualTo(1);
  }

  @Test
  void aCaseSentBackByQualityReviewTwentyTimesWithLongNotesStillCloses() {
    String key = integration().post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();
    String note = "Agreed scope, contacts and dates. ".repeat(100).substring(0, 3_000);
    String questions = "Which CMS, which hosting, who signs off? ".repeat(100).substring(0, 3_000);

    work(key, TASK_KICKOFF, Groups.ACCOUNT_MANAGERS,
        Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, note, Variables.KICKOFF_OPEN_QUESTIONS, questions));
    work(key, TASK_INTAKE, Groups.DELIVERY_LEADS, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, note));
    for (int round = 1; round <= 20; round++) {
      work(key, TASK_DELIVERY, Groups.DELIVERY, Map.of(Variables.DELIVERY_NOTE, long3000("Delivery round " + round)));
      work(key, TASK_QUALITY_REVIEW, Groups.QA,
          Map.of(Variables.QA_APPROVED, false, Variables.QA_NOTE, long3000("Review round " + round)));
    }
    JsonNode lastRework = work(key, TASK_DELIVERY, Groups.DELIVERY, Map.of(Variables.DELIVERY_NOTE, long3000("Final")));
    String timeline = lastRework.at("/" + Variables.CASE_TIMELINE + "/value").asText();
    assertThat(timeline.length()).isLessThan(4_000);
    assertThat(timeline).as("the newest send-back comes first").startsWith(timeline.substring(0, 20))
        .contains("Reason: Review round 20").contains("earlier handoffs are not shown here");
    work(key, TASK_QUALITY_REVIEW, Groups.QA, Map.of(Variables.QA_APPROVED, true, Variables.QA_NOTE, long3000("Approved")));
    work(key, TASK_HANDOVER, Groups.ACCOUNT_MANAGERS,
        Map.of(Variables.CLIENT_ACCEPTED, true, Variables.HANDOVER_NOTE, note));
    String processInstanceId = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
        .timers().singleResult().getId());
    work(key, TASK_CHECK_IN, Groups.ACCOUNT_MANAGERS, Map.of(Variables.CHECK_IN_NOTE, note));

    assertThat(integration().get("/api/cases/" + key).body().get("status").asText()).isEqualTo("CLOSED");
    JsonNode history = integration().get("/api/cases/" + key + "/timeline").body();
    assertThat(history).hasSize(2 + 2 * 20 + 3);
    assertThat(history.findValuesAsText("note")).as("every note is kept in full").contains(note, long3000("Approved"));
  }

  private static String long3000(String start) {
    return (start + ": the details of what was done and what must change. ").repeat(60).substring(0, 3_000);
  }

  @Test
  void theSameExternalReferenceTwiceGivesTheSameCase() {
    Map<String, Object> request = Cases.openRequest(Cases.newReference());
    Api.Response first = integration().post("/api/cases", request);
    Api.Response second = integration().post("/api/cases", request);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    String key = first.body().get("key").asText();
    assertThat(second.body().get("key").asText()).isEqualTo(key);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isEqualTo(1);
  }

  @Test
  void concurrentRequestsWithOneExternalReferenceOpenOneCase() throws Exception {
    Map<String, Object> request = Cases.openRequest(Cases.newReference());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Api.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> integration().post("/api/cases", request));
      }
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> f : pool.invokeAll(calls)) {
        responses.add(f.get());
      }
      assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
      assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
      String key = responses.get(0).body().get("key").asText();
      assertThat(responses).extracting(r -> r.body().get("key").asText()).containsOnly(key);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameExternalReferenceForAnotherClientIsAConflict() {
    String reference = Cases.newReference();
    integration().post("/api/cases", Cases.openRequest(reference));
    Api.Response other = integration().post("/api/cases",
        Cases.openRequest(reference, "Saimaa Works Oy", "pmo@saimaa.example", "fi"));

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.body().get("detail").asText()).contains(reference);
  }

  /**
   * Does what Tasklist does for one stage: the team member finds the task of the case, loads its
   * form and variables, claims it and submits the form. Returns the variables the form showed.
   */
  private JsonNode work(String caseKey, String stage, String team, Map<String, Object> formValues) {
    Api user = Api.as(http, Staff.memberOf(team), Staff.PASSWORD);

    JsonNode caseView = user.get("/api/cases/" + caseKey).body();
    assertThat(caseView.at("/currentStage/id").asText()).isEqualTo(stage);
    assertThat(caseView.at("/currentStage/team").asText()).isEqualTo(team);
    assertThat(caseView.at("/openTasks/0/candidateGroups/0").asText()).isEqualTo(team);

    JsonNode tasks = user.get("/engine-rest/task?processInstanceBusinessKey=" + caseKey).body();
    assertThat(tasks).as("tasks of %s visible to %s", caseKey, team).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(stage);
    String taskId = tasks.get(0).get("id").asText();

    Api.Response form = user.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).as("the stage's form loads: %s", form.body()).isEqualTo(200);
    assertThat(form.body().get("components")).isNotEmpty();

    JsonNode variables = user.get("/engine-rest/task/" + taskId + "/form-variables").body();
    assertThat(variables.at("/" + CaseVariables.CASE_KEY + "/value").asText()).isEqualTo(caseKey);
    assertThat(variables.at("/" + CaseVariables.CLIENT_NAME + "/value").asText())
        .isEqualTo("Rila Digital OOD");

    assertThat(user.post("/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", Staff.memberOf(team))).status()).isEqualTo(204);
    Map<String, Object> submitted = new LinkedHashMap<>();
    formValues.forEach((name, value) -> submitted.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    Api.Response submit = user.post("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", submitted));
    assertThat(submit.status()).as("submit %s: %s", stage, submit.body()).isEqualTo(204);
    return variables;
  }

  private Api integration() {
    return Api.as(http, Staff.INTEGRATION, Staff.PASSWORD);
  }
}
