package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.engine.BuildingBlock.Inputs;
import io.baton.notification.Channel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Modeler element templates in {@code processes/.camunda/element-templates/} must fill in
 * the building blocks the way {@link BuildingBlockCheck} and the delegates expect them.
 */
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of("processes/.camunda/element-templates/baton-building-blocks.json");
  private static final Path NOTIFICATIONS = Path.of("processes/notifications");
  private static final Path MODEL = Path.of("processes/service-delivery.bpmn");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String DELEGATE_EXPRESSION = "camunda:delegateExpression";
  private static final String INPUT_PARAMETER = "camunda:inputParameter";

  private static List<JsonNode> templates;

  @BeforeAll
  static void read() throws IOException {
    JsonNode root = new ObjectMapper().readTree(TEMPLATES.toFile());
    assertThat(root.isArray()).as("%s holds a JSON array of templates", TEMPLATES).isTrue();
    templates = StreamSupport.stream(root.spliterator(), false).toList();
  }

  @Test
  void thereIsOneTemplatePerBuildingBlockBindingItsBean() {
    assertThat(templates).hasSize(BuildingBlock.values().length);
    assertThat(templates).extracting(t -> t.path("id").asText()).doesNotHaveDuplicates();
    for (BuildingBlock block : BuildingBlock.values()) {
      List<JsonNode> forBlock = templates.stream()
          .filter(t -> block.expression().equals(delegateExpression(t).orElse(null)))
          .toList();
      assertThat(forBlock).as("templates binding %s to %s", DELEGATE_EXPRESSION, block.expression()).hasSize(1);
      JsonNode template = forBlock.get(0);
      assertThat(template.path("id").asText()).isEqualTo(templateId(block));
      assertThat(template.path("version").asInt()).isEqualTo(1);
      assertThat(template.path("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
      assertThat(properties(template))
          .filteredOn(p -> bindingIs(p, "property", DELEGATE_EXPRESSION))
          .singleElement()
          .satisfies(p -> assertThat(p.path("type").asText()).as("the bean is not for designers to change")
              .isEqualTo("Hidden"));
    }
  }

  @Test
  void templatesBindOnlyKnownInputsAndRequireTheBlocksRequiredOnes() {
    Set<String> known = inputNames();
    assertThat(known).contains(Inputs.FROM_STAGE, Inputs.TEMPLATE);
    SoftAssertions soft = new SoftAssertions();
    for (BuildingBlock block : BuildingBlock.values()) {
      Map<String, JsonNode> inputs = inputs(template(block));
      soft.assertThat(inputs.keySet()).as("inputs of %s", templateId(block)).isSubsetOf(known);
      for (String required : block.required()) {
        soft.assertThat(inputs).as("inputs of %s", templateId(block)).containsKey(required);
        if (inputs.containsKey(required)) {
          soft.assertThat(inputs.get(required).path("constraints").path("notEmpty").asBoolean())
              .as("%s of %s is marked notEmpty", required, templateId(block)).isTrue();
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void everyTemplateOfferedInADropdownExistsInTheNotificationsFolder() {
    List<String> offered = new ArrayList<>();
    for (BuildingBlock block : List.of(BuildingBlock.NOTIFY_CLIENT, BuildingBlock.NOTIFY_STAFF)) {
      JsonNode template = inputs(template(block)).get(Inputs.TEMPLATE);
      assertThat(template.path("type").asText()).isEqualTo("Dropdown");
      offered.addAll(choices(template));
    }
    assertThat(offered).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    for (String name : offered) {
      soft.assertThat(NOTIFICATIONS.resolve(name).resolve("en.txt"))
          .as("notification template '%s' offered in %s", name, TEMPLATES).isRegularFile();
    }
    soft.assertThat(offered).as("glossary/ is not a template").doesNotContain("glossary");
    soft.assertAll();
  }

  @Test
  void dropdownsOfferOnlyValuesDeploymentAccepts() {
    Map<String, JsonNode> handoff = inputs(template(BuildingBlock.RECORD_HANDOFF));
    assertThat(choices(handoff.get(Inputs.KIND)))
        .containsExactlyInAnyOrder(BuildingBlock.KIND_HANDOFF, BuildingBlock.KIND_SEND_BACK);

    Set<String> channels = Arrays.stream(Channel.values())
        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    assertThat(choices(inputs(template(BuildingBlock.NOTIFY_CLIENT)).get(Inputs.CHANNELS)))
        .isNotEmpty()
        .allSatisfy(choice -> assertThat(choice.split(",")).isSubsetOf(channels));

    templates.stream().flatMap(ElementTemplatesTest::properties)
        .filter(p -> "Dropdown".equals(p.path("type").asText()) && p.has("value"))
        .forEach(p -> assertThat(choices(p)).as("choices of %s", p.path("label").asText())
            .contains(p.path("value").asText()));
  }

  @Test
  void serviceTasksInTheModelNameAnExistingTemplateAndItsBean() {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
    Map<String, String> expressionsById = templates.stream().collect(Collectors.toMap(
        t -> t.path("id").asText(), t -> delegateExpression(t).orElse("")));
    List<FlowElement> templated = model.getModelElementsByType(FlowElement.class).stream()
        .filter(e -> e.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate") != null)
        .toList();
    assertThat(templated).as("elements with camunda:modelerTemplate in %s", MODEL).isNotEmpty();

    SoftAssertions soft = new SoftAssertions();
    for (FlowElement element : templated) {
      String templateId = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      soft.assertThat(element.getElementType().getTypeName()).as("'%s'", element.getId()).isEqualTo("serviceTask");
      soft.assertThat(expressionsById).as("'%s' names template %s", element.getId(), templateId)
          .containsKey(templateId);
      if (expressionsById.containsKey(templateId)) {
        soft.assertThat(element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression"))
            .as("delegate expression of '%s' (%s)", element.getId(), templateId)
            .isEqualTo(expressionsById.get(templateId));
      }
    }
    soft.assertAll();
  }

  /** "recordHandoff" → "io.baton.RecordHandoff". */
  private static String templateId(BuildingBlock block) {
    return "io.baton." + Character.toUpperCase(block.bean().charAt(0)) + block.bean().substring(1);
  }

  private static JsonNode template(BuildingBlock block) {
    return templates.stream()
        .filter(t -> block.expression().equals(delegateExpression(t).orElse(null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template binds " + block.expression()));
  }

  private static Stream<JsonNode> properties(JsonNode template) {
    return StreamSupport.stream(template.path("properties").spliterator(), false);
  }

  private static Optional<String> delegateExpression(JsonNode template) {
    return properties(template)
        .filter(p -> bindingIs(p, "property", DELEGATE_EXPRESSION))
        .map(p -> p.path("value").asText())
        .findFirst();
  }

  private static Map<String, JsonNode> inputs(JsonNode template) {
    Map<String, JsonNode> inputs = new LinkedHashMap<>();
    properties(template)
        .filter(p -> INPUT_PARAMETER.equals(p.path("binding").path("type").asText()))
        .forEach(p -> assertThat(inputs.put(p.path("binding").path("name").asText(), p))
            .as("input %s bound twice in %s", p.path("binding").path("name").asText(), template.path("id").asText())
            .isNull());
    return inputs;
  }

  private static boolean bindingIs(JsonNode property, String type, String name) {
    JsonNode binding = property.path("binding");
    return type.equals(binding.path("type").asText()) && name.equals(binding.path("name").asText());
  }

  private static List<String> choices(JsonNode property) {
    assertThat(property).as("property").isNotNull();
    return StreamSupport.stream(property.path("choices").spliterator(), false)
        .map(c -> c.path("value").asText())
        .toList();
  }

  /** The values of the public static final String fields of {@link Inputs}. */
  private static Set<String> inputNames() {
    return Arrays.stream(Inputs.class.getDeclaredFields())
        .filter(f -> f.getType() == String.class)
        .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
            && Modifier.isFinal(f.getModifiers()))
        .map(ElementTemplatesTest::value)
        .collect(Collectors.toSet());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
