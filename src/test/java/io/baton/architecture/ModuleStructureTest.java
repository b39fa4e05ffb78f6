package io.baton.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.BatonApplication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package under {@code io.baton} is a module. The build fails when modules form a
 * cycle, when one reaches into another's internals (a sub-package it does not expose), or when a
 * module uses one that the map below, which the README shows, does not allow it.
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(BatonApplication.class);

  /** Which modules each module may use: the README's module map. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      entry("system", Set.of()),
      entry("engine", Set.of("system")),
      entry("secrets", Set.of("system")),
      entry("security", Set.of("system")),
      entry("calendar", Set.of("engine", "system")),
      entry("handoff", Set.of("engine", "system")),
      entry("delivery", Set.of("handoff", "security")),
      entry("cases", Set.of("engine", "handoff", "secrets", "security", "system")),
      entry("notification", Set.of("cases", "engine", "handoff", "secrets", "system")),
      entry("sla", Set.of("calendar", "cases", "engine", "notification", "security", "system")),
      entry("followup", Set.of("calendar", "cases", "engine", "notification", "security", "system")),
      entry("demo", Set.of("cases", "delivery", "security", "system")));

  @Test
  void modulesFormNoCycleAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void eachModuleUsesOnlyTheModulesTheMapAllows() {
    assertThat(MODULES.stream().map(ApplicationModule::getName).collect(Collectors.toSet()))
        .as("every module is on the map").isEqualTo(ALLOWED.keySet());
    Map<String, Set<String>> disallowed = new TreeMap<>();
    for (ApplicationModule module : MODULES) {
      Set<String> used = uses(module);
      used.removeAll(ALLOWED.get(module.getName()));
      if (!used.isEmpty()) {
        disallowed.put(module.getName(), used);
      }
    }
    assertThat(disallowed).as("module uses a module the map does not allow it").isEmpty();
  }

  @Test
  void theSameChecksReportACycleBetweenTwoFixturePackages() {
    Violations violations = ApplicationModules.of("io.baton.archfixture", location -> true).detectViolations();

    assertThat(violations.hasViolations()).isTrue();
    assertThat(violations.getMessages()).anySatisfy(message -> assertThat(message).contains("Cycle detected"));
  }

  /** The module map in target/spring-modulith-docs, from which the README's table is taken. */
  @Test
  void writesTheModuleMap() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    List<String> lines = MODULES.stream()
        .map(module -> module.getName() + " -> " + String.join(", ", uses(module)))
        .sorted().toList();
    System.out.println(String.join("\n", lines));
  }

  private static Set<String> uses(ApplicationModule module) {
    return module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
