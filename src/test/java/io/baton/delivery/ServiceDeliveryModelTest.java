package io.baton.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.delivery.ServiceDeliveryProcess.Elements;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the engine does not check when it deploys the model, but Baton relies on: every user task
 * opens a form that ships with the model, the process is cleaned from history, and the names Java
 * code uses still exist in the designers' file.
 */
class ServiceDeliveryModelTest {

  /** Form files, by the {@code "id"} a task's {@code camunda:formRef} points at. */
  private static final String FORMS = "classpath*:processes/forms/*.form";

  private static BpmnModelInstance model;
  private static Map<String, JsonNode> formsById;

  @BeforeAll
  static void readModelAndForms() throws IOException {
    try (InputStream bpmn =
        ServiceDeliveryModelTest.class
            .getClassLoader()
            .getResourceAsStream(ServiceDeliveryProcessTest.MODEL)) {
      assertThat(bpmn).as("%s on the classpath", ServiceDeliveryProcessTest.MODEL).isNotNull();
      model = Bpmn.readModelFromStream(bpmn);
    }
    ObjectMapper json = new ObjectMapper();
    formsById = new HashMap<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources(FORMS)) {
      try (InputStream in = form.getInputStream()) {
        JsonNode schema = json.readTree(in);
        JsonNode previous = formsById.put(schema.path("id").asText(), schema);
        assertThat(previous).as("two form files with id %s", schema.path("id").asText()).isNull();
      }
    }
  }

  @Test
  void processIsExecutableAndHasAHistoryTimeToLive() {
    Process process = model.getModelElementById(ServiceDeliveryProcess.KEY);

    assertThat(process).as("process %s", ServiceDeliveryProcess.KEY).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyUserTaskOpensAFormThatShipsWithTheModel() {
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).isNotEmpty();

    for (UserTask userTask : userTasks) {
      String formRef = userTask.getCamundaFormRef();
      assertThat(formRef).as("camunda:formRef of %s", userTask.getId()).isNotBlank();
      assertThat(formsById)
          .as("a form under processes/forms/ with \"id\": \"%s\" (for %s)", formRef, userTask.getId())
          .containsKey(formRef);
      assertThat(userTask.getCamundaCandidateGroups())
          .as("candidate group of %s", userTask.getId())
          .isNotBlank();
    }
  }

  @Test
  void deliveryFormShowsWhyTheWorkCameBack() {
    JsonNode deliveryForm = formsById.get(formRefOf(Elements.TASK_DELIVERY));

    assertThat(fieldKeys(deliveryForm)).contains(Variables.QA_NOTE, Variables.CHANGE_REQUEST);
  }

  @Test
  void decisionFormsCollectTheVariablesTheGatewaysRouteOn() {
    assertThat(fieldKeys(formsById.get(formRefOf(Elements.TASK_QUALITY_REVIEW))))
        .contains(Variables.QA_APPROVED, Variables.QA_NOTE);
    assertThat(fieldKeys(formsById.get(formRefOf(Elements.TASK_HANDOVER))))
        .contains(Variables.CLIENT_ACCEPTED, Variables.CHANGE_REQUEST);
  }

  @Test
  void everyElementNamedInJavaExistsInTheModel() throws IllegalAccessException {
    for (Field constant : Elements.class.getDeclaredFields()) {
      if (!Modifier.isStatic(constant.getModifiers()) || constant.getType() != String.class) {
        continue;
      }
      String id = (String) constant.get(null);
      ModelElementInstance element = model.getModelElementById(id);
      assertThat(element)
          .as("Elements.%s = %s in %s", constant.getName(), id, ServiceDeliveryProcessTest.MODEL)
          .isInstanceOf(FlowNode.class);
    }
  }

  private static String formRefOf(String userTaskId) {
    UserTask userTask = model.getModelElementById(userTaskId);
    return userTask.getCamundaFormRef();
  }

  private static List<String> fieldKeys(JsonNode form) {
    assertThat(form).isNotNull();
    return StreamSupport.stream(form.path("components").spliterator(), false)
        .map(component -> component.path("key").asText(null))
        .filter(key -> key != null)
        .toList();
  }
}
