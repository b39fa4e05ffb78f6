package io.baton.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.delivery.ServiceDeliveryProcess.Elements;
import io.baton.delivery.ServiceDeliveryProcess.Teams;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.engine.BuildingBlock;
import io.baton.engine.BuildingBlock.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the engine does not check when it deploys the model, but Baton relies on: every user task
 * opens a form that ships with the model and shows the case timeline, the decision forms collect
 * what the gateways route on, every service task is one of Baton's building blocks as the Modeler
 * templates make it, the process is cleaned from history, and the names Java code uses still
 * exist in the designers' file.
 */
class ServiceDeliveryModelTest {

  /** Form files, by the {@code "id"} a task's {@code camunda:formRef} points at. */
  private static final String FORMS = "classpath*:processes/forms/*.form";

  /** The designers' folder, as checked out: the Modeler's element templates are not on the classpath. */
  private static final Path PROCESSES = Path.of("processes");

  private static final Path ELEMENT_TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
  private static final Path NOTIFICATIONS = PROCESSES.resolve("notifications");

  /** Each decision stage, and the variable its gateway routes on. */
  private static final Map<String, String> DECISIONS = Map.of(
      Elements.TASK_INTAKE, Variables.INTAKE_READY,
      Elements.TASK_QUALITY_REVIEW, Variables.QA_APPROVED,
      Elements.TASK_HANDOVER, Variables.CLIENT_ACCEPTED);

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

  // --- forms ---------------------------------------------------------------------------------

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
    }
  }

  @Test
  void everyStageIsOwnedByOneOfTheTeams() {
    Set<String> teams = constants(Teams.class).values().stream().collect(Collectors.toSet());

    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      assertThat(userTask.getCamundaCandidateGroups())
          .as("candidate group of %s", userTask.getId())
          .isIn(teams);
    }
  }

  @Test
  void everyStageFormShowsTheCaseTimelineReadOnly() {
    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      Optional<JsonNode> timeline = field(formOf(userTask.getId()), Variables.CASE_TIMELINE);
      if (userTask.getId().equals(Elements.TASK_KICKOFF) && timeline.isEmpty()) {
        continue; // Kickoff comes first: there may be no timeline yet, so its form may leave it out.
      }
      assertThat(timeline).as("a field keyed %s in the form of %s", Variables.CASE_TIMELINE, userTask.getId())
          .isPresent();
      assertThat(timeline.get().path("disabled").asBoolean())
          .as("the timeline in the form of %s is read-only (\"disabled\": true)", userTask.getId())
          .isTrue();
    }
  }

  @Test
  void everyTextAStageFormCollectsHasALengthLimitThatAHandoffCanHold() {
    for (JsonNode form : formsById.values()) {
      for (JsonNode component : components(form)) {
        boolean collectsText = List.of("textfield", "textarea").contains(component.path("type").asText())
            && !component.path("disabled").asBoolean();
        if (collectsText) {
          assertThat(component.at("/validate/maxLength").asInt(Integer.MAX_VALUE))
              .as("validate.maxLength of %s in %s", component.path("key").asText(), form.path("id").asText())
              .isLessThanOrEqualTo(io.baton.handoff.HandoffService.NOTE_LIMIT);
          assertThat(component.path("description").asText())
              .as("the description of %s in %s tells the limit", component.path("key").asText(),
                  form.path("id").asText())
              .contains("3,000 characters");
        }
      }
    }
  }

  @Test
  void decisionFormsCollectTheVariablesTheGatewaysRouteOn() {
    DECISIONS.forEach((stage, decision) -> {
      assertThat(conditionsAfter(stage))
          .as("the gateway after %s routes on %s", stage, decision)
          .isNotEmpty()
          .allSatisfy(condition -> assertThat(condition).contains(decision));
      JsonNode field = field(formOf(stage), decision)
          .orElseThrow(() -> new AssertionError("the form of " + stage + " has no field keyed " + decision));
      assertThat(field.path("type").asText()).as("%s in the form of %s is a yes/no", decision, stage)
          .isEqualTo("checkbox");
      assertThat(field.path("disabled").asBoolean()).as("%s in the form of %s can be ticked", decision, stage)
          .isFalse();
    });
  }

  @Test
  void theFormsCollectTheNotesTheHandoffsAndSendBacksCarry() {
    assertThat(fieldKeys(formOf(Elements.TASK_KICKOFF)))
        .contains(Variables.KICKOFF_NOTE, Variables.KICKOFF_OPEN_QUESTIONS);
    assertThat(fieldKeys(formOf(Elements.TASK_INTAKE))).contains(Variables.INTAKE_NOTE);
    assertThat(fieldKeys(formOf(Elements.TASK_DELIVERY))).contains(Variables.DELIVERY_NOTE);
    assertThat(fieldKeys(formOf(Elements.TASK_QUALITY_REVIEW))).contains(Variables.QA_NOTE);
    assertThat(fieldKeys(formOf(Elements.TASK_HANDOVER)))
        .contains(Variables.HANDOVER_NOTE, Variables.CHANGE_REQUEST);
    assertThat(fieldKeys(formOf(Elements.TASK_CHECK_IN))).contains(Variables.CHECK_IN_NOTE);
  }

  // --- building blocks -------------------------------------------------------------------------

  @Test
  void everyServiceTaskIsABuildingBlockPlacedWithItsModelerTemplate() throws IOException {
    Map<String, String> templateByExpression = elementTemplatesByDelegateExpression();
    Set<String> buildingBlocks = Arrays.stream(BuildingBlock.values())
        .map(BuildingBlock::expression)
        .collect(Collectors.toSet());
    Collection<ServiceTask> serviceTasks = model.getModelElementsByType(ServiceTask.class);
    assertThat(serviceTasks).isNotEmpty();

    for (ServiceTask task : serviceTasks) {
      String expression = task.getCamundaDelegateExpression();
      assertThat(expression).as("camunda:delegateExpression of %s", task.getId()).isIn(buildingBlocks);
      String modelerTemplate = task.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplate");
      assertThat(modelerTemplate).as("camunda:modelerTemplate of %s", task.getId()).isNotBlank();
      assertThat(modelerTemplate)
          .as("%s calls %s, so it uses that building block's element template", task.getId(), expression)
          .isEqualTo(templateByExpression.get(expression));
    }
  }

  @Test
  void everyBuildingBlockGetsItsRequiredInputs() {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      Map<String, String> inputs = inputsOf(task);
      BuildingBlock block = Arrays.stream(BuildingBlock.values())
          .filter(b -> b.expression().equals(task.getCamundaDelegateExpression()))
          .findFirst().orElseThrow();
      switch (block) {
        case RECORD_HANDOFF -> {
          assertThat(inputs).as("inputs of %s", task.getId()).containsKeys(Inputs.FROM_STAGE, Inputs.TO_STAGE);
          assertThat(model.<ModelElementInstance>getModelElementById(inputs.get(Inputs.FROM_STAGE)))
              .as("fromStage of %s", task.getId()).isInstanceOf(UserTask.class);
          assertThat(model.<ModelElementInstance>getModelElementById(inputs.get(Inputs.TO_STAGE)))
              .as("toStage of %s", task.getId()).isInstanceOf(UserTask.class);
          if (BuildingBlock.KIND_SEND_BACK.equals(inputs.get(Inputs.KIND))) {
            assertThat(inputs.get(Inputs.REASON)).as("reason of the send-back %s", task.getId()).isNotBlank();
          }
        }
        case NOTIFY_CLIENT -> assertThat(inputs).as("inputs of %s", task.getId()).containsKey(Inputs.TEMPLATE);
        case NOTIFY_STAFF -> {
          assertThat(inputs).as("inputs of %s", task.getId()).containsKey(Inputs.TEMPLATE);
          assertThat(inputs.containsKey(Inputs.USER) ^ inputs.containsKey(Inputs.GROUP))
              .as("%s names exactly one of user and group", task.getId()).isTrue();
        }
      }
    }
  }

  @Test
  void everyMessageTheModelSendsShipsInTheNotificationsFolder() {
    List<String> templates = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String template = inputsOf(task).get(Inputs.TEMPLATE);
      if (template != null) {
        templates.add(template);
        assertThat(NOTIFICATIONS.resolve(template).resolve("en.txt"))
            .as("the template %s of %s, in English at least", template, task.getId())
            .isRegularFile();
      }
    }
    assertThat(Set.copyOf(templates))
        .as("the templates the process tests expect are the ones the model sends")
        .containsExactlyInAnyOrderElementsOf(ServiceDeliveryProcessTest.Templates.ALL);
  }

  // --- names Java uses -----------------------------------------------------------------------

  @Test
  void everyElementNamedInJavaExistsInTheModel() {
    constants(Elements.class).forEach((name, id) -> {
      ModelElementInstance element = model.getModelElementById(id);
      assertThat(element)
          .as("Elements.%s = %s in %s", name, id, ServiceDeliveryProcessTest.MODEL)
          .isInstanceOf(FlowNode.class);
    });
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The public String constants of a constants class, by field name. */
  private static Map<String, String> constants(Class<?> holder) {
    Map<String, String> constants = new HashMap<>();
    for (Field constant : holder.getDeclaredFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
        try {
          constants.put(constant.getName(), (String) constant.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(constants).as("constants in %s", holder.getSimpleName()).isNotEmpty();
    return constants;
  }

  private static JsonNode formOf(String userTaskId) {
    UserTask userTask = model.getModelElementById(userTaskId);
    JsonNode form = formsById.get(userTask.getCamundaFormRef());
    assertThat(form).as("the form of %s", userTaskId).isNotNull();
    return form;
  }

  /** The conditions on the flows out of the exclusive gateway that follows {@code userTaskId}. */
  private static List<String> conditionsAfter(String userTaskId) {
    UserTask userTask = model.getModelElementById(userTaskId);
    List<String> conditions = new ArrayList<>();
    for (SequenceFlow out : userTask.getOutgoing()) {
      if (out.getTarget() instanceof ExclusiveGateway gateway) {
        for (SequenceFlow branch : gateway.getOutgoing()) {
          ConditionExpression condition = branch.getConditionExpression();
          assertThat(condition).as("condition on %s", branch.getId()).isNotNull();
          conditions.add(condition.getTextContent());
        }
      }
    }
    return conditions;
  }

  private static Map<String, String> inputsOf(ServiceTask task) {
    Map<String, String> inputs = new HashMap<>();
    if (task.getExtensionElements() == null) {
      return inputs;
    }
    for (CamundaInputOutput io : task.getExtensionElements().getChildElementsByType(CamundaInputOutput.class)) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        inputs.put(parameter.getCamundaName(), parameter.getTextContent().strip());
      }
    }
    return inputs;
  }

  /** The Modeler's element templates, by the delegate expression each one sets. */
  private static Map<String, String> elementTemplatesByDelegateExpression() throws IOException {
    Map<String, String> templates = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(ELEMENT_TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root)) {
          for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
              templates.put(property.path("value").asText(), template.path("id").asText());
            }
          }
        }
      }
    }
    return templates;
  }

  private static Optional<JsonNode> field(JsonNode form, String key) {
    return components(form).stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst();
  }

  private static List<String> fieldKeys(JsonNode form) {
    return components(form).stream()
        .map(component -> component.path("key").asText(null))
        .filter(key -> key != null)
        .toList();
  }

  /** Every component of the form, including those inside groups. */
  private static List<JsonNode> components(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : node.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }
}
