package io.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.cases.Tier;
import io.baton.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The SLA policy table ({@code processes/sla-policy.dmn}) as the designers wrote it, evaluated with
 * Camunda's DMN engine; and {@link SlaPolicy}, which reads it for Baton, on a process engine with
 * authorizations on.
 */
class SlaPolicyTest {

  private static final Path TABLE = Path.of(SlaPolicy.FILE);
  private static final Path PROCESSES = Path.of("processes");
  private static final Path SETTINGS = Path.of("src/main/resources/application.yaml");
  /** A service the table has no rows of its own for, such as one a designer is still adding. */
  private static final String NEW_SERVICE = "support-request";
  /** A stage no row names. */
  private static final String NEW_STAGE = "Task_Triage";

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseTheTable() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(TABLE)) {
      decision = dmnEngine.parseDecision(SlaPolicy.KEY, in);
    }
  }

  private static SlaTarget evaluate(String service, String tier, String stage) {
    return SlaPolicy.toTarget(
        dmnEngine.evaluateDecisionTable(decision, SlaPolicy.inputs(service, tier, stage)), service, tier, stage);
  }

  // ---- what the table says ---------------------------------------------------------------------

  @ParameterizedTest(name = "website-build, {1}, {2}: {3} h, reminder at {4} %, second escalation at {5} %")
  @CsvSource({
      "website-build, premium,  Task_Kickoff,         4, 50, 125",
      "website-build, standard, Task_Kickoff,         8, 75, 150",
      "website-build, basic,    Task_Kickoff,        16, 80, 200",
      "website-build, premium,  Task_Intake,          4, 50, 125",
      "website-build, standard, Task_Intake,          8, 75, 150",
      "website-build, basic,    Task_Intake,         16, 80, 200",
      "website-build, premium,  Task_Delivery,       56, 50, 125",
      "website-build, standard, Task_Delivery,       80, 75, 150",
      "website-build, basic,    Task_Delivery,      120, 80, 200",
      "website-build, premium,  Task_QualityReview,   8, 50, 125",
      "website-build, standard, Task_QualityReview,  16, 75, 150",
      "website-build, basic,    Task_QualityReview,  24, 80, 200",
      "website-build, premium,  Task_Handover,        4, 50, 125",
      "website-build, standard, Task_Handover,        8, 75, 150",
      "website-build, basic,    Task_Handover,       16, 80, 200",
      "website-build, premium,  Task_CheckIn,         2, 50, 125",
      "website-build, standard, Task_CheckIn,         4, 75, 150",
      "website-build, basic,    Task_CheckIn,         8, 80, 200",
  })
  void everyStageOfAWebsiteBuildInEachTier(String service, String tier, String stage, int hours,
      int warningPercent, int secondEscalationPercent) {
    assertThat(evaluate(service, tier, stage)).isEqualTo(new SlaTarget(Duration.ofHours(hours),
        warningPercent, Groups.TEAM_LEADS, secondEscalationPercent, Groups.MANAGERS));
  }

  @ParameterizedTest(name = "it-onboarding, {0}: delivery in {1} h")
  @CsvSource({"premium, 24", "standard, 40", "basic, 64"})
  void deliveryOfAnItOnboardingIsShorterThanOfAWebsite(String tier, int hours) {
    assertThat(evaluate("it-onboarding", tier, "Task_Delivery").target()).isEqualTo(Duration.ofHours(hours));
    assertThat(evaluate("it-onboarding", tier, "Task_Delivery").target())
        .isLessThan(evaluate("website-build", tier, "Task_Delivery").target());
  }

  @ParameterizedTest(name = "{0}, {1}, {2}: the catch-all")
  @CsvSource({
      NEW_SERVICE + ", standard, Task_Delivery",
      NEW_SERVICE + ", premium,  Task_Delivery",
      NEW_SERVICE + ", basic,    " + NEW_STAGE,
      "website-build, standard,  " + NEW_STAGE,
      ",              ,          ",
  })
  void whatNoRowNamesFallsToTheCatchAll(String service, String tier, String stage) {
    assertThat(evaluate(service, tier, stage))
        .isEqualTo(new SlaTarget(Duration.ofHours(24), 75, Groups.TEAM_LEADS, 150, Groups.MANAGERS));
  }

  @Test
  void aNewServiceGetsTheStageRowsThatNameNoService() {
    assertThat(evaluate(NEW_SERVICE, "premium", "Task_Kickoff").target()).isEqualTo(Duration.ofHours(4));
    assertThat(evaluate(NEW_SERVICE, "standard", "Task_QualityReview").target()).isEqualTo(Duration.ofHours(16));
  }

  @ParameterizedTest(name = "tier ''{0}'' is served as standard")
  @CsvSource({"gold", "STANDARD", "''"})
  void aTierTheTableDoesNotNameIsServedAsStandard(String tier) {
    for (String stage : stages()) {
      assertThat(evaluate("website-build", tier, stage)).as(stage)
          .isEqualTo(evaluate("website-build", "standard", stage));
    }
    assertThat(evaluate("website-build", null, "Task_Delivery"))
        .isEqualTo(evaluate("website-build", "standard", "Task_Delivery"));
  }

  /** A property over every service, stage and tier there is, and a new service and stage. */
  @Test
  void premiumIsNeverSlowerThanStandardAndBasicNeverFaster() {
    int checked = 0;
    for (String service : services()) {
      for (String stage : stagesAndANewOne()) {
        SlaTarget premium = evaluate(service, Tier.PREMIUM.code(), stage);
        SlaTarget standard = evaluate(service, Tier.STANDARD.code(), stage);
        SlaTarget basic = evaluate(service, Tier.BASIC.code(), stage);
        String where = service + ", " + stage;
        for (var when : List.<java.util.function.Function<SlaTarget, Duration>>of(
            SlaTarget::target, SlaTarget::warningAfter, SlaTarget::secondEscalationAfter)) {
          assertThat(when.apply(premium)).as(where + ": premium vs standard").isLessThanOrEqualTo(when.apply(standard));
          assertThat(when.apply(basic)).as(where + ": basic vs standard").isGreaterThanOrEqualTo(when.apply(standard));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3 * 7);
  }

  /** A property over every service, stage and tier there is, an unknown and a missing tier. */
  @Test
  void everyCombinationGetsASaneTarget() {
    List<String> tiers = new ArrayList<>(Arrays.stream(Tier.values()).map(Tier::code).toList());
    tiers.add("gold");
    tiers.add(null);
    for (String service : services()) {
      for (String stage : stagesAndANewOne()) {
        for (String tier : tiers) {
          SlaTarget target = evaluate(service, tier, stage);
          String where = service + ", " + tier + ", " + stage;
          assertThat(target.target()).as(where).isBetween(Duration.ofHours(1), Duration.ofHours(30 * 8));
          assertThat(target.warningPercent()).as(where).isBetween(25, 99);
          assertThat(target.secondEscalationPercent()).as(where).isBetween(101, 300);
          assertThat(target.warningAfter()).as(where).isLessThan(target.target());
          assertThat(target.secondEscalationAfter()).as(where).isGreaterThan(target.target());
          assertThat(List.of(target.firstEscalation(), target.secondEscalation())).as(where)
              .containsExactly(Groups.TEAM_LEADS, Groups.MANAGERS)
              .allSatisfy(group -> assertThat(Groups.STAFF).contains(group));
        }
      }
    }
  }

  // ---- how the table is written ----------------------------------------------------------------

  @Test
  void aFirstHitTableWithAHistoryTimeToLiveAsBatonDeploysIt() {
    Decision table = model().getModelElementById(SlaPolicy.KEY);
    assertThat(table.getName()).isEqualTo("SLA policy");
    assertThat(table.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(decisionTable().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getDescription().getTextContent())
        .contains("FIRST", "first row that matches wins", "catch-all", "last row");
  }

  @Test
  void inputsAndOutputsAreTheNamesBatonUses() {
    assertThat(decisionTable().getInputs()).extracting(input -> input.getInputExpression().getText().getTextContent())
        .containsExactly(SlaPolicy.Inputs.SERVICE, SlaPolicy.Inputs.TIER, SlaPolicy.Inputs.STAGE);
    assertThat(decisionTable().getOutputs()).extracting(Output::getName)
        .containsExactly(SlaPolicy.Outputs.TARGET_HOURS, SlaPolicy.Outputs.WARNING_PERCENT,
            SlaPolicy.Outputs.FIRST_ESCALATION, SlaPolicy.Outputs.SECOND_ESCALATION_PERCENT,
            SlaPolicy.Outputs.SECOND_ESCALATION);
    assertThat(decisionTable().getInputs()).extracting(Input::getLabel).doesNotContainNull();
    assertThat(decisionTable().getOutputs()).extracting(Output::getLabel).doesNotContainNull();
  }

  @Test
  void theLastRowIsTheOnlyCatchAll() {
    List<List<String>> rows = cells();
    assertThat(rows.get(rows.size() - 1)).as("last row").containsOnly("-");
    assertThat(rows.subList(0, rows.size() - 1)).as("rows above the last")
        .noneSatisfy(row -> assertThat(row).containsOnly("-"));
  }

  @Test
  void everyRowIsAnnotatedForTheDesigners() {
    assertThat(rules()).allSatisfy(rule -> {
      assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
    });
  }

  /** First hit: a row whose every cell is "-" or the same as an earlier row's would never be used. */
  @Test
  void noRowHidesBehindAnEarlierOne() {
    List<List<String>> rows = cells();
    List<String> ids = rules().stream().map(Rule::getId).toList();
    for (int later = 1; later < rows.size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        List<String> e = rows.get(earlier);
        List<String> l = rows.get(later);
        boolean covers = true;
        for (int column = 0; column < e.size(); column++) {
          covers &= e.get(column).equals("-") || e.get(column).equals(l.get(column));
        }
        assertThat(covers).as(ids.get(later) + " is never used: " + ids.get(earlier) + " above it matches first")
            .isFalse();
      }
    }
  }

  @Test
  void rowsNameTiersOfTheCatalogueAndStagesOfTheModels() {
    Set<String> tiers = Arrays.stream(Tier.values()).map(tier -> quoted(tier.code())).collect(Collectors.toSet());
    Set<String> stages = stages().stream().map(SlaPolicyTest::quoted).collect(Collectors.toSet());
    for (List<String> row : cells()) {
      assertThat(row.get(1)).as("tier cell").satisfiesAnyOf(
          cell -> assertThat(cell).isEqualTo("-"), cell -> assertThat(tiers).contains(cell));
      assertThat(row.get(2)).as("stage cell").satisfiesAnyOf(
          cell -> assertThat(cell).isEqualTo("-"), cell -> assertThat(stages).contains(cell));
    }
  }

  @Test
  void theDiagramShowsTheDecisionSoThatTheModelerOpensIt() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document = factory.newDocumentBuilder().parse(TABLE.toFile());
    NodeList shapes = document.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      shown.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
    }
    assertThat(shown).contains(SlaPolicy.KEY);
    assertThat(document.getDocumentElement().getNamespaceURI())
        .isEqualTo("https://www.omg.org/spec/DMN/20191111/MODEL/");
  }

  // ---- the target's helpers --------------------------------------------------------------------

  @Test
  void theReminderAndTheSecondEscalationArePercentagesOfTheTarget() {
    SlaTarget target = new SlaTarget(Duration.ofHours(5), 75, Groups.TEAM_LEADS, 150, Groups.MANAGERS);

    assertThat(target.warningAfter()).isEqualTo(Duration.ofHours(3).plusMinutes(45));
    assertThat(target.secondEscalationAfter()).isEqualTo(Duration.ofHours(7).plusMinutes(30));
  }

  @Test
  void aTargetThatMakesNoSenseIsRejected() {
    Duration day = Duration.ofHours(8);
    assertThatThrownBy(() -> new SlaTarget(Duration.ZERO, 75, "team-leads", 150, "managers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new SlaTarget(day, 100, "team-leads", 150, "managers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder");
    assertThatThrownBy(() -> new SlaTarget(day, 75, "team-leads", 100, "managers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second escalation");
    assertThatThrownBy(() -> new SlaTarget(day, 75, " ", 150, "managers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first escalation");
  }

  // ---- SlaPolicy on a process engine with authorizations on --------------------------------------

  @Nested
  class OnTheEngine {

    private static final String OUTSIDER = "outsider";

    private ProcessEngine engine;
    private RepositoryService repository;
    private IdentityService identity;
    private SlaPolicy slaPolicy;
    private Deployment table;

    @BeforeEach
    void engine() throws IOException {
      Map<Object, Object> beans = new HashMap<>();
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
          ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
              .setJdbcUrl("jdbc:h2:mem:sla-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
              .setJobExecutorActivate(false)
              .setProcessEngineName("sla-" + UUID.randomUUID())
              .setAuthorizationEnabled(true)
              // Stricter than Baton (off there, so Camunda skips checks in listeners by itself):
              // the user's rights then count in a listener too, and SlaPolicy must still work.
              .setAuthorizationEnabledForCustomCode(true);
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setBeans(beans);
      engine = configuration.buildProcessEngine();
      repository = engine.getRepositoryService();
      identity = engine.getIdentityService();
      slaPolicy = new SlaPolicy(engine.getDecisionService(), identity);
      beans.put("slaPolicy", slaPolicy);

      try (InputStream in = Files.newInputStream(TABLE)) {
        table = repository.createDeployment().name("sla").addInputStream("sla-policy.dmn", in).deploy();
      }
      identity.saveUser(identity.newUser(OUTSIDER));
    }

    @AfterEach
    void close() {
      identity.clearAuthentication();
      engine.close();
    }

    @Test
    void givesTheTargetOfTheDeployedTable() {
      assertThat(slaPolicy.targetFor("website-build", "premium", "Task_Delivery"))
          .isEqualTo(new SlaTarget(Duration.ofHours(56), 50, Groups.TEAM_LEADS, 125, Groups.MANAGERS));
      assertThat(slaPolicy.targetFor("it-onboarding", "basic", "Task_Delivery").target())
          .isEqualTo(Duration.ofHours(64));
    }

    @Test
    void evaluatesForAnAuthenticatedUserWithoutRightsAndLeavesThemAuthenticated() {
      identity.setAuthentication(OUTSIDER, List.of(Groups.DELIVERY));
      Authentication caller = identity.getCurrentAuthentication();
      assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionTableByKey(SlaPolicy.KEY)
          .variables(SlaPolicy.inputs("website-build", "standard", "Task_Delivery")).evaluate())
          .as("the user may not evaluate the table themselves")
          .isInstanceOf(AuthorizationException.class);

      SlaTarget target = slaPolicy.targetFor("website-build", "standard", "Task_Delivery");

      assertThat(target.target()).isEqualTo(Duration.ofHours(80));
      assertThat(identity.getCurrentAuthentication()).isSameAs(caller);
    }

    @Test
    void evaluatesInAListenerRunByTheTaskCompletionOfAUserWithoutRights() throws IOException {
      try (InputStream in = Files.newInputStream(Path.of("src/test/resources/sla/two-stages.bpmn"))) {
        repository.createDeployment().addInputStream("two-stages.bpmn", in).deploy();
      }
      Authorization mayWorkTasks = engine.getAuthorizationService()
          .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      mayWorkTasks.setUserId(OUTSIDER);
      mayWorkTasks.setResource(Resources.TASK);
      mayWorkTasks.setResourceId(Authorization.ANY);
      mayWorkTasks.addPermission(Permissions.ALL);
      engine.getAuthorizationService().saveAuthorization(mayWorkTasks);
      String instance = engine.getRuntimeService().startProcessInstanceByKey("SlaTwoStagesProcess",
          Map.of("service", "website-build", "tier", "premium")).getId();
      TaskService tasks = engine.getTaskService();
      Task kickoff = tasks.createTaskQuery().processInstanceId(instance).singleResult();

      identity.setAuthentication(OUTSIDER, List.of(Groups.ACCOUNT_MANAGERS));
      tasks.complete(kickoff.getId());
      Authentication after = identity.getCurrentAuthentication();
      identity.clearAuthentication();

      assertThat(after.getUserId()).isEqualTo(OUTSIDER);
      Task intake = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(intake.getTaskDefinitionKey()).isEqualTo("Task_Intake");
      assertThat(tasks.getVariableLocal(intake.getId(), "slaTargetHours")).isEqualTo(4L);
    }

    @Test
    void aStageWithoutARowIsAnErrorNamingItAndTheFile() throws IOException {
      deployTestTable("sla-policy-without-catch-all.dmn");
      identity.setAuthentication(OUTSIDER, List.of());
      Authentication caller = identity.getCurrentAuthentication();

      assertThat(slaPolicy.targetFor("website-build", "premium", "Task_Kickoff").target())
          .as("the latest version counts").isEqualTo(Duration.ofHours(8));
      assertThatThrownBy(() -> slaPolicy.targetFor("website-build", "premium", "Task_Delivery"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'website-build'")
          .hasMessageContaining("'premium'")
          .hasMessageContaining("'Task_Delivery'")
          .hasMessageContaining("no row")
          .hasMessageContaining(SlaPolicy.FILE);
      assertThat(identity.getCurrentAuthentication()).as("still authenticated after the failure").isSameAs(caller);
    }

    @Test
    void aRowThatMakesNoSenseIsAnErrorNamingIt() throws IOException {
      deployTestTable("sla-policy-reminder-after-due.dmn");

      assertThatThrownBy(() -> slaPolicy.targetFor("it-onboarding", "basic", "Task_Intake"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'it-onboarding'")
          .hasMessageContaining("'basic'")
          .hasMessageContaining("'Task_Intake'")
          .hasMessageContaining("reminder point")
          .hasMessageContaining("120")
          .hasMessageContaining(SlaPolicy.FILE);
    }

    @Test
    void aMissingTableIsAnErrorNamingTheFile() {
      repository.deleteDeployment(table.getId(), true);

      assertThatThrownBy(() -> slaPolicy.targetFor("website-build", "standard", "Task_Kickoff"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'Task_Kickoff'")
          .hasMessageContaining("no decision '" + SlaPolicy.KEY + "'")
          .hasMessageContaining(SlaPolicy.FILE);
    }

    private void deployTestTable(String name) throws IOException {
      try (InputStream in = Files.newInputStream(Path.of("src/test/resources/sla", name))) {
        repository.createDeployment().addInputStream(name, in).deploy();
      }
    }
  }

  // ---- what the table and the models are read from ---------------------------------------------

  private static DmnModelInstance model() {
    return Dmn.readModelFromFile(TABLE.toFile());
  }

  private static DecisionTable decisionTable() {
    return (DecisionTable) ((Decision) model().getModelElementById(SlaPolicy.KEY)).getExpression();
  }

  private static List<Rule> rules() {
    return List.copyOf(decisionTable().getRules());
  }

  /** Each row's input cells, trimmed. */
  private static List<List<String>> cells() {
    return rules().stream()
        .map(rule -> rule.getInputEntries().stream()
            .map(InputEntry::getTextContent).map(String::trim).toList())
        .toList();
  }

  /** The user task ids of every model in processes/: the stages there are. */
  private static List<String> stages() {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(".bpmn"))
          .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream())
          .map(UserTask::getId)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> stagesAndANewOne() {
    List<String> stages = new ArrayList<>(stages());
    assertThat(stages).contains("Task_Kickoff", "Task_Intake", "Task_Delivery", "Task_QualityReview",
        "Task_Handover", "Task_CheckIn");
    stages.add(NEW_STAGE);
    return stages;
  }

  /** The services Baton is configured with, the two the table has rows for, and a new one. */
  @SuppressWarnings("unchecked")
  private static Set<String> services() {
    Set<String> services = new LinkedHashSet<>(List.of("website-build", "it-onboarding"));
    try (InputStream in = Files.newInputStream(SETTINGS)) {
      Map<String, Object> settings = new Yaml().load(in);
      Map<String, Object> baton = (Map<String, Object>) settings.get("baton");
      services.addAll(((Map<String, Object>) baton.get("services")).keySet());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    services.add(NEW_SERVICE);
    return services;
  }

  private static String quoted(String value) {
    return '"' + value + '"';
  }
}
