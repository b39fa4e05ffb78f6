package io.baton.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.BatonApplication;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package under {@code io.baton} is a module. The build fails when modules form a
 * cycle or one reaches into another's internals (a sub-package it does not expose).
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(BatonApplication.class);

  @Test
  void modulesFormNoCycleAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void theSameCheckReportsACycleBetweenTwoFixturePackages() {
    Violations violations = ApplicationModules.of("io.baton.archfixture", location -> true).detectViolations();

    assertThat(violations.hasViolations()).isTrue();
    assertThat(violations.getMessages()).anySatisfy(message -> assertThat(message).contains("Cycle detected"));
  }

  /** The module map in target/spring-modulith-docs, from which the README's table is taken. */
  @Test
  void writesTheModuleMap() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    System.out.println(MODULES.stream()
        .map(module -> module.getIdentifier() + " -> " + module.getDirectDependencies(MODULES).uniqueModules()
            .map(dependency -> dependency.getIdentifier().toString()).sorted()
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n")));
  }
}
