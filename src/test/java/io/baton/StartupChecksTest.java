package io.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.baton.testing.IntegrationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Baton refuses to start on configuration that would be unsafe or broken, and says which setting
 * or file to fix instead of printing a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

  @Test
  void withoutTheDemoProfileAnAdministratorMustComeFromTheEnvironment(CapturedOutput output) {
    Throwable failure = start("production");

    assertThat(failure).isNotNull();
    assertThat(output).contains("No administrator is configured.")
        .contains("Set BATON_ADMIN_USER and BATON_ADMIN_PASSWORD");
  }

  @Test
  void anAdministratorWithoutAPasswordIsRefused(CapturedOutput output) {
    Throwable failure = start("production", "baton.admin.user=root");

    assertThat(failure).isNotNull();
    assertThat(output).contains("BATON_ADMIN_USER is set but BATON_ADMIN_PASSWORD is not.");
  }

  @Test
  void aModelThatDoesNotParseStopsStartUpNamingTheFileAndTheElement(CapturedOutput output) {
    Throwable failure = start("demo", "baton.processes.location=classpath:broken-processes/");

    assertThat(failure).isNotNull();
    assertThat(output).contains("escalation.bpmn").contains("Flow_ToTheLead")
        .contains("Fix the model in the processes/ folder");
  }

  @Test
  void aServiceWhoseProcessIsNotDeployedStopsStartUpNamingTheSetting(CapturedOutput output) {
    Throwable failure = start("demo", "baton.services.audit.process=AuditProcess");

    assertThat(failure).isNotNull();
    assertThat(output).contains("Service 'audit' is delivered by process 'AuditProcess'")
        .contains("baton.services.audit.process");
  }

  @Test
  void aDeliveryStageThatIsNotAStageOfTheProcessStopsStartUpNamingTheSetting(CapturedOutput output) {
    Throwable failure = start("demo", "baton.services.website-build.delivered-at=Task_Handoverr");

    assertThat(failure).isNotNull();
    assertThat(output).contains("is delivered at stage 'Task_Handoverr'")
        .contains("baton.services.website-build.delivered-at");
  }

  @Test
  void withoutTheDemoProfileTheKeyForSecretsMustComeFromTheEnvironment(CapturedOutput output) {
    Throwable failure = start("production", "baton.admin.user=root", "baton.admin.password=from-env",
        "baton.secrets.key=");

    assertThat(failure).isNotNull();
    assertThat(output).contains("No key for secrets at rest is configured.")
        .contains("Set BATON_SECRETS_KEY");
  }

  @Test
  void aKeyForSecretsThatIsNotThirtyTwoBytesIsRefused(CapturedOutput output) {
    Throwable failure = start("production", "baton.admin.user=root", "baton.admin.password=from-env",
        "baton.secrets.key=c2hvcnQ=");

    assertThat(failure).isNotNull();
    assertThat(output).contains("BATON_SECRETS_KEY (baton.secrets.key) is 5 bytes long; AES-256 needs 32.");
  }

  private static Throwable start(String profile, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        // The webapps keep a static handle on the first context; these checks do not need them.
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--baton.admin.user=",
        "--baton.admin.password="));
    if (java.util.Arrays.stream(properties).noneMatch(p -> p.startsWith("baton.secrets.key="))) {
      all.add("--baton.secrets.key=" + IntegrationSettings.SECRETS_KEY);
    }
    for (String property : properties) {
      all.add("--" + property);
    }
    return catchThrowable(() -> {
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
          .profiles(profile)
          .run(all.toArray(String[]::new))) {
        // Started, which is the failure this test looks for.
      }
    });
  }
}
