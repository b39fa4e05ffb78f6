package io.baton.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Baton keeps the Camunda engine behind a few classes, so that a move to a maintained Camunda 7
 * fork touches only them. The engine's internals ({@code impl} packages) are used only by the
 * classes in {@link #ENGINE_INTERNALS}; the engine's API only by the {@code engine} and
 * {@code security} modules and the classes in {@link #ENGINE_API}. Each is listed with its reason.
 */
class EngineBoundaryTest {

  /** Classes that use the engine's or the webapps' internals, and why they must. */
  static final Map<String, String> ENGINE_INTERNALS = Map.ofEntries(
      Map.entry("io.baton.system.BatonClock", "Baton's one time source reads the engine clock (ClockUtil)"),
      Map.entry("io.baton.engine.StageEventsPlugin", "an engine plugin and parse listener that adds Baton's listeners to every user task and process"),
      Map.entry("io.baton.engine.ProcessDeployer", "an engine plugin: processes/ is deployed as the engine is built"),
      Map.entry("io.baton.engine.BuildingBlockCheck", "a parse listener that rejects a model using a building block wrongly"),
      Map.entry("io.baton.calendar.BusinessCalendarPlugin", "an engine plugin that installs the business calendars"),
      Map.entry("io.baton.calendar.BusinessTimeCalendar", "the engine's timer calendar interface exists only in impl"),
      Map.entry("io.baton.calendar.BusinessTimeCheck", "a parse listener that checks business-time expressions at deployment"),
      Map.entry("io.baton.security.HolderMayUnclaim", "an authorization command checker: the holder of a task may give it back"),
      Map.entry("io.baton.security.Caller", "IdentityService hands out the current authentication as an impl type"),
      Map.entry("io.baton.sla.SlaPolicy", "evaluates the SLA decision as Baton, restoring the caller's authentication (an impl type)"),
      Map.entry("io.baton.security.EngineEdge", "reads the webapps' logged-in user to guard their API"));

  /** Classes outside engine and security that use the engine's API, and why. */
  static final Map<String, String> ENGINE_API = Map.ofEntries(
      Map.entry("io.baton.system.BatonClock", "reads the engine clock"),
      Map.entry("io.baton.calendar.BusinessCalendarPlugin", "installs the business calendars into the engine"),
      Map.entry("io.baton.calendar.BusinessTimeCalendar", "computes business-time timers and task dates for the engine"),
      Map.entry("io.baton.calendar.BusinessTimeCheck", "checks business-time expressions when a model is deployed"),
      Map.entry("io.baton.cases.CaseService", "starts the case's process in the transaction that opens the case"),
      Map.entry("io.baton.cases.CaseController", "lists a case's open tasks as the caller may see them"),
      Map.entry("io.baton.cases.ServiceCatalog", "reads each service's stages from its deployed model"),
      Map.entry("io.baton.handoff.RecordHandoffDelegate", "the Record handoff building block"),
      Map.entry("io.baton.notification.NotifyClientDelegate", "the Notify client building block"),
      Map.entry("io.baton.notification.NotifyStaffDelegate", "the Notify staff building block"),
      Map.entry("io.baton.notification.NotificationService", "finds the members of a team in Camunda identity"),
      Map.entry("io.baton.sla.SlaPolicy", "evaluates the SLA policy decision table"),
      Map.entry("io.baton.sla.SlaScanner", "reads open tasks, their due dates and assignees, adds escalation candidates"),
      Map.entry("io.baton.sla.ClientWaits", "stops and restarts a task's dates while the client is waited for"),
      Map.entry("io.baton.demo.DemoData", "demo users and demo cases walked through their first tasks"));

  static final JavaClasses BATON = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.baton");

  static ArchRule onlyListedClassesUseEngineInternals() {
    return noClasses().that(areNotListedIn(ENGINE_INTERNALS))
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.webapp.impl..")
        .because("a move to another Camunda 7 engine should touch only the classes listed in EngineBoundaryTest");
  }

  static ArchRule engineApiOnlyWhereNeeded() {
    return noClasses().that().resideOutsideOfPackages("io.baton.engine..", "io.baton.security..")
        .and(areNotListedIn(ENGINE_API))
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("the engine is kept behind the engine and security modules and the classes listed in EngineBoundaryTest");
  }

  @Test
  void onlyTheListedClassesUseTheEnginesInternals() {
    onlyListedClassesUseEngineInternals().check(BATON);
  }

  @Test
  void theEngineApiIsUsedOnlyWhereItIsNeeded() {
    engineApiOnlyWhereNeeded().check(BATON);
  }

  @Test
  void everyListedClassExists() {
    for (String name : ENGINE_INTERNALS.keySet()) {
      assertThat(BATON.contain(name)).as(name).isTrue();
    }
    for (String name : ENGINE_API.keySet()) {
      assertThat(BATON.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void theRulesReportAFixtureThatReadsTheEngineClock() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.baton.archfixture");

    assertThat(onlyListedClassesUseEngineInternals().evaluate(fixture).hasViolation()).isTrue();
    assertThat(engineApiOnlyWhereNeeded().evaluate(fixture).hasViolation()).isTrue();
  }

  /** A class, its nested and anonymous classes, by the top-level class's name. */
  private static DescribedPredicate<JavaClass> areNotListedIn(Map<String, String> list) {
    return DescribedPredicate.describe("are not listed in EngineBoundaryTest",
        javaClass -> !list.containsKey(javaClass.getName().replaceFirst("\\$.*", "")));
  }
}
