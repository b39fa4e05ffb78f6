package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process that runs no service of the catalog, such as a designer's own test process deployed
 * from Camunda Modeler, runs as a plain Camunda process: Baton's listeners stay out of it.
 */
public abstract class PlainProcessScenarios {

  static final String PLAIN = "DesignersTryout";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deployPlainProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PLAIN).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(PLAIN)
          .camundaHistoryTimeToLive(30)
          .startEvent()
          .userTask("Task_TryItOut").name("Try it out").camundaCandidateGroups("delivery")
          .endEvent()
          .done();
      repositoryService.createDeployment().name("tryout").addModelInstance(PLAIN + ".bpmn", model).deploy();
    }
  }

  @Test
  void aProcessOutsideTheCatalogStartsWithAnyBusinessKeyAndRunsToItsEnd() {
    Api admin = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD);
    Api.Response started = admin.post("/engine-rest/process-definition/key/" + PLAIN + "/start",
        Map.of("businessKey", "x1"));

    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    String instance = started.body().get("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getDueDate()).as("no stage deadline outside a case").isNull();

    assertThat(admin.post("/engine-rest/task/" + task.getId() + "/complete", Map.of()).status()).isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance)
        .singleResult().getState()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from handoff where case_key = 'x1'", Integer.class))
        .as("no handoff is recorded for a process that is not a case").isZero();
  }

  @Test
  void aPlainProcessWithoutBusinessKeyRunsToo() {
    Api admin = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD);
    Api.Response started = admin.post("/engine-rest/process-definition/key/" + PLAIN + "/start", Map.of());

    assertThat(started.status()).isEqualTo(200);
    Task task = taskService.createTaskQuery().processInstanceId(started.body().get("id").asText()).singleResult();
    taskService.complete(task.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }
}
