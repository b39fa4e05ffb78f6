package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.delivery.ServiceDeliveryProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying the designers' processes/ folder: names, versions, and models that are wrong. */
class ProcessDeployerTest {

  private static final Path PROCESSES = Path.of("processes");

  @TempDir Path temp;
  private ProcessEngine engine;
  private RepositoryService repository;

  @BeforeEach
  void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:deployer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setProcessEngineName("deployer-" + UUID.randomUUID())
        .buildProcessEngine();
    repository = engine.getRepositoryService();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void resourcesAreNamedByTheirPathInsideTheProcessFolder() throws IOException {
    Path installed = copyProcesses(temp.resolve("opt/baton"));

    Deployment deployment = deployFrom(installed);

    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .contains("service-delivery.bpmn", "forms/kickoff.form", "forms/quality-review.form")
        .allSatisfy(name -> assertThat(name).doesNotContain(temp.toString()));
  }

  @Test
  void unchangedModelsMakeNoNewVersionWhenBatonRestartsOrMoves() throws IOException {
    deployFrom(copyProcesses(temp.resolve("opt/baton")));
    deployFrom(copyProcesses(temp.resolve("opt/baton")));
    deployFrom(copyProcesses(temp.resolve("srv/moved/baton")));

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery()
        .processDefinitionKey(ServiceDeliveryProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void aChangedModelMakesOneNewVersionAndLeavesTheOtherResourcesAlone() throws IOException {
    Path installed = copyProcesses(temp.resolve("opt/baton"));
    deployFrom(installed);
    Path model = installed.resolve("service-delivery.bpmn");
    Files.writeString(model, Files.readString(model).replace("name=\"Service delivery\"", "name=\"Service delivery (v2)\""));

    Deployment second = deployFrom(installed);

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
        .latestVersion().singleResult().getVersion()).isEqualTo(2);
    assertThat(repository.getDeploymentResourceNames(second.getId()))
        .containsExactly("service-delivery.bpmn");
  }

  @Test
  void filesOfTheSameNameInDifferentSubfoldersStayApart() throws IOException {
    Path root = temp.resolve("processes");
    write(root.resolve("sales/forms/review.form"), form("Form_SalesReview"));
    write(root.resolve("support/forms/review.form"), form("Form_SupportReview"));

    Deployment deployment = deployFrom(root);

    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrder("sales/forms/review.form", "support/forms/review.form");
  }

  @Test
  void theFolderIsFoundInsideAPackagedJarWithTheSameNames() throws IOException {
    Path jar = temp.resolve("app/baton.jar");
    packageJar(jar);

    Deployment deployment = deployFromClasspathOf(jar);
    Path movedJar = Files.copy(jar, Files.createDirectories(temp.resolve("elsewhere")).resolve("baton.jar"));
    deployFromClasspathOf(movedJar);

    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .contains("service-delivery.bpmn", "forms/kickoff.form");
    assertThat(repository.createDeploymentQuery().count()).as("moving the jar deploys nothing").isEqualTo(1);
  }

  @Test
  void aModelThatDoesNotParseStopsWithTheFileTheElementAndTheLine() throws IOException {
    Path root = temp.resolve("processes");
    write(root.resolve("broken/handover.bpmn"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <bpmn:process id="BrokenProcess" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_Begin"/>
            <bpmn:sequenceFlow id="Flow_ToNowhere" sourceRef="StartEvent_Begin" targetRef="Task_Missing"/>
          </bpmn:process>
        </bpmn:definitions>
        """);

    assertThatThrownBy(() -> deployFrom(root))
        .isInstanceOf(ProcessModelRejectedException.class)
        .hasMessageContaining("broken/handover.bpmn")
        .hasMessageContaining("Flow_ToNowhere")
        .hasMessageContaining("line 6");
    assertThat(repository.createDeploymentQuery().count()).isZero();
  }

  @Test
  void aModelWithoutHistoryTimeToLiveIsRejectedByName() throws IOException {
    Path root = temp.resolve("processes");
    write(root.resolve("no-ttl.bpmn"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
          <bpmn:process id="ForgetfulProcess" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Begin"/>
          </bpmn:process>
        </bpmn:definitions>
        """);

    assertThatThrownBy(() -> deployFrom(root))
        .isInstanceOf(ProcessModelRejectedException.class)
        .hasMessageContaining("no-ttl.bpmn")
        .hasMessageContaining("ForgetfulProcess")
        .hasMessageContaining("historyTimeToLive");
  }

  private Deployment deployFrom(Path folder) {
    return new ProcessDeployer(folder.toUri().toString()).deploy(repository);
  }

  private Deployment deployFromClasspathOf(Path jar) throws IOException {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);
      return new ProcessDeployer("classpath*:processes/").deploy(repository);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static Path copyProcesses(Path installation) throws IOException {
    Path target = installation.resolve("processes");
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(PROCESSES.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  private static void packageJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(PROCESSES)) {
      zip.putNextEntry(new JarEntry("processes/"));
      zip.closeEntry();
      for (Path file : files.toList()) {
        String name = "processes/" + PROCESSES.relativize(file).toString().replace('\\', '/');
        if (Files.isDirectory(file)) {
          if (!file.equals(PROCESSES)) {
            zip.putNextEntry(new JarEntry(name + "/"));
            zip.closeEntry();
          }
        } else {
          zip.putNextEntry(new JarEntry(name));
          zip.write(Files.readAllBytes(file));
          zip.closeEntry();
        }
      }
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String form(String id) {
    return String.join("\n", List.of("{", "  \"id\": \"" + id + "\",", "  \"type\": \"default\",",
        "  \"components\": []", "}"));
  }
}
