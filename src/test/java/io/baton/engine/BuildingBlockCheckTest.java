package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.delivery.ServiceDeliveryProcess;
import io.baton.engine.BuildingBlock.Inputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A designer who uses a building block wrongly learns it when the model is deployed, from a message
 * that names the file, the element, its line and what is wrong, rather than from a case that fails
 * weeks later. Each model under {@code src/test/resources/building-blocks/<folder>/} is deployed
 * as Baton deploys the designers' folder, on an engine that runs {@link BuildingBlockCheck}.
 */
class BuildingBlockCheckTest {

  private static final Path MODELS = Path.of("src/test/resources/building-blocks");

  /** The templates this test's catalog knows, in the order it lists them. */
  private static final List<String> KNOWN_TEMPLATES = List.of("case-opened", "handoff");

  private static final NotificationTemplateCatalog TEMPLATES = new NotificationTemplateCatalog() {
    @Override
    public boolean exists(String template) {
      return KNOWN_TEMPLATES.contains(template);
    }

    @Override
    public Collection<String> names() {
      return KNOWN_TEMPLATES;
    }
  };

  private ProcessEngine engine;
  private RepositoryService repository;

  @BeforeEach
  void engineThatChecksBuildingBlocks() {
    engine = engineCheckingWith(TEMPLATES);
    repository = engine.getRepositoryService();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  // --- what deploys --------------------------------------------------------------------------

  @Test
  void aModelThatUsesEveryBuildingBlockRightDeploys() {
    DeploymentWithDefinitions deployment = deploy("valid");

    assertThat(deployment.getDeployedProcessDefinitions())
        .extracting(definition -> definition.getKey())
        .containsExactly("OrderProcess");
  }

  @Test
  void valuesGivenAsExpressionsAreLeftForTheTaskToCheckWhenItRuns() {
    DeploymentWithDefinitions deployment = deploy("expressions");

    assertThat(deployment.getDeployedProcessDefinitions())
        .extracting(definition -> definition.getKey())
        .containsExactly("ExpressionProcess");
  }

  @Test
  void theShippedServiceDeliveryModelPassesTheCheck() throws IOException {
    ProcessEngine shipped = engineCheckingWith(catalogOf(Path.of("processes/notifications")));
    try {
      DeploymentWithDefinitions deployment =
          new ProcessDeployer(Path.of("processes").toUri().toString()).deploy(shipped.getRepositoryService());

      assertThat(deployment.getDeployedProcessDefinitions())
          .extracting(definition -> definition.getKey())
          .contains(ServiceDeliveryProcess.KEY);
    } finally {
      shipped.close();
    }
  }

  // --- what is rejected, and how it is told ------------------------------------------------

  @Test
  void aClientMessageWithAnUnknownTemplateIsRejectedWithTheTemplatesThatExist() {
    assertRejected("unknown-template", "Notify_Welcome")
        .hasMessageContaining(BuildingBlock.NOTIFY_CLIENT.bean())
        .hasMessageContaining("'welcome'")
        .hasMessageContaining(String.join(", ", KNOWN_TEMPLATES));
  }

  @Test
  void aHandoffWithoutTheStageItGoesToIsRejected() {
    assertRejected("handoff-without-to-stage", "Handoff_TakeToNowhere")
        .hasMessageContaining(BuildingBlock.RECORD_HANDOFF.bean())
        .hasMessageContaining("'" + Inputs.TO_STAGE + "'");
  }

  @Test
  void aHandoffToAStageThatIsNotAUserTaskIsRejected() {
    assertRejected("stage-not-a-user-task", "Handoff_TakeToNotify")
        .hasMessageContaining("'Notify_Packing'")
        .hasMessageContaining("not a user task");
  }

  @Test
  void aSendBackWithoutAReasonIsRejected() {
    assertRejected("send-back-without-reason", "SendBack_PackToTake")
        .hasMessageContaining(BuildingBlock.KIND_SEND_BACK)
        .hasMessageContaining("'" + Inputs.REASON + "'");
  }

  @Test
  void aHandoffOfAnUnknownKindIsRejected() {
    assertRejected("unknown-kind", "Handoff_Sideways")
        .hasMessageContaining("'sideways'")
        .hasMessageContaining(BuildingBlock.KIND_HANDOFF)
        .hasMessageContaining(BuildingBlock.KIND_SEND_BACK);
  }

  @Test
  void aStaffMessageToBothAUserAndAGroupIsRejected() {
    assertRejected("staff-with-user-and-group", "NotifyStaff_Both")
        .hasMessageContaining(BuildingBlock.NOTIFY_STAFF.bean())
        .hasMessageContaining("exactly one of")
        .hasMessageContaining("'" + Inputs.USER + "'")
        .hasMessageContaining("'" + Inputs.GROUP + "'");
  }

  @Test
  void aStaffMessageToNobodyIsRejected() {
    assertRejected("staff-with-neither", "NotifyStaff_Nobody")
        .hasMessageContaining("exactly one of")
        .hasMessageContaining("'" + Inputs.USER + "'")
        .hasMessageContaining("'" + Inputs.GROUP + "'");
  }

  @Test
  void aClientMessageOnAnUnknownChannelIsRejected() {
    assertRejected("unknown-channel", "Notify_ByPigeon")
        .hasMessageContaining("'pigeon'")
        .hasMessageContaining("email")
        .hasMessageContaining("webhook");
  }

  @Test
  void aRejectedModelLeavesNothingDeployed() {
    assertThatThrownBy(() -> deploy("unknown-template")).isInstanceOf(ProcessModelRejectedException.class);

    assertThat(repository.createDeploymentQuery().count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static ProcessEngine engineCheckingWith(NotificationTemplateCatalog catalog) {
    String name = "building-blocks-" + UUID.randomUUID();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
            .setJobExecutorActivate(false)
            .setProcessEngineName(name);
    configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new BuildingBlockCheck(catalog))));
    configuration.setDbMetricsReporterActivate(false);
    return configuration.buildProcessEngine();
  }

  /** The templates in a notifications folder: its subfolders, but the glossary. */
  private static NotificationTemplateCatalog catalogOf(Path notifications) throws IOException {
    List<String> names;
    try (Stream<Path> folders = Files.list(notifications)) {
      names = folders.filter(Files::isDirectory)
          .map(folder -> folder.getFileName().toString())
          .filter(name -> !name.equals("glossary"))
          .sorted()
          .toList();
    }
    return new NotificationTemplateCatalog() {
      @Override
      public boolean exists(String template) {
        return names.contains(template);
      }

      @Override
      public Collection<String> names() {
        return names;
      }
    };
  }

  /** Deploys the folder {@code building-blocks/<folder>/} as Baton deploys the designers' folder. */
  private DeploymentWithDefinitions deploy(String folder) {
    return new ProcessDeployer(MODELS.resolve(folder).toUri().toString()).deploy(repository);
  }

  /**
   * Deploying {@code building-blocks/<folder>/<folder>.bpmn} fails with a message that names the
   * file, the element and the line the element starts on.
   */
  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String folder, String elementId) {
    String file = folder + ".bpmn";
    int line = lineOf(MODELS.resolve(folder).resolve(file), "id=\"" + elementId + "\"");
    return assertThatThrownBy(() -> deploy(folder))
        .isInstanceOf(ProcessModelRejectedException.class)
        .hasMessageContaining(file)
        .hasMessageContaining("element '" + elementId + "'")
        .hasMessageContaining("'" + elementId + "'")
        .hasMessageContaining("(line " + line + ",");
  }

  private static int lineOf(Path file, String text) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(text + " not in " + file);
  }
}
