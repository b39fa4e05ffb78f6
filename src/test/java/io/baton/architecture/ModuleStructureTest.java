package io.baton.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.BatonApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
      entry("operations", Set.of("calendar", "cases", "engine", "followup", "handoff", "notification", "sla", "system")),
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

  /**
   * The compiler copies string constants (a group name, a path) into the classes that use them, so
   * Spring Modulith, which reads classes, does not see such a use. The sources show every one.
   */
  @Test
  void theSourcesNameOnlyModulesTheMapAllows() throws IOException {
    Path main = Path.of("src/main/java/io/baton");
    Pattern reference = Pattern.compile("\\bio\\.baton\\.([a-z]+)\\.[A-Za-z]");
    Map<String, Set<String>> disallowed = new TreeMap<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = main.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String module = relative.getName(0).toString();
        Matcher matcher = reference.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          String used = matcher.group(1);
          if (!used.equals(module) && !ALLOWED.get(module).contains(used)) {
            disallowed.computeIfAbsent(relative.toString(), f -> new TreeSet<>()).add(used);
          }
        }
      }
    }
    assertThat(disallowed).as("source file names a module the map does not allow its module").isEmpty();
  }

  @Test
  void theMapHasNoCycle() {
    Set<String> placed = new HashSet<>();
    while (placed.size() < ALLOWED.size()) {
      List<String> next = ALLOWED.entrySet().stream()
          .filter(module -> !placed.contains(module.getKey()) && placed.containsAll(module.getValue()))
          .map(Map.Entry::getKey).toList();
      assertThat(next).as("modules left in a cycle: %s", ALLOWED.keySet().stream()
          .filter(module -> !placed.contains(module)).toList()).isNotEmpty();
      placed.addAll(next);
    }
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
