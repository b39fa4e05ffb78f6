package io.baton.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and form in the process folder when the engine starts. Unchanged
 * resources make no new version; a model that does not parse stops start-up with the file, the
 * element and the line that are wrong.
 */
@Component
class ProcessDeployer extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "baton-processes";
  static final String DEPLOYMENT_SOURCE = "baton";

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

  private final String location;

  ProcessDeployer(@Value("${baton.processes.location:classpath*:processes/}") String location) {
    this.location = location;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine.getRepositoryService());
  }

  DeploymentWithDefinitions deploy(RepositoryService repositoryService) {
    List<ProcessResources.Entry> entries = ProcessResources.find(location);
    if (entries.isEmpty()) {
      log.warn("No process models found in {}", location);
      return null;
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    for (ProcessResources.Entry entry : entries) {
      try (InputStream in = entry.open()) {
        builder.addInputStream(entry.name(), new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new ProcessModelRejectedException(
            entry.name() + ": cannot be read (" + e.getMessage() + ")", e);
      }
    }
    try {
      DeploymentWithDefinitions deployment = builder.deployWithResult();
      log.info("Process models from {}: {} resources, new versions of {}",
          location, entries.size(), describe(deployment));
      return deployment;
    } catch (ParseException e) {
      throw new ProcessModelRejectedException(describe(e), e);
    } catch (ProcessEngineException e) {
      throw new ProcessModelRejectedException(e.getMessage(), e);
    }
  }

  private static String describe(DeploymentWithDefinitions deployment) {
    String changed = deployment.getDeployedProcessDefinitions() == null ? "" :
        deployment.getDeployedProcessDefinitions().stream()
            .map(d -> d.getKey() + " v" + d.getVersion())
            .collect(Collectors.joining(", "));
    return changed.isEmpty() ? "no process (all unchanged)" : changed;
  }

  static String describe(ParseException e) {
    String problems = e.getResorceReports().stream()
        .flatMap(report -> report.getErrors().stream().map(problem ->
            "  " + report.getResourceName()
                + (problem.getMainElementId() == null ? "" : ", element '" + problem.getMainElementId() + "'")
                + (problem.getLine() > 0 ? " (line " + problem.getLine() + ", column " + problem.getColumn() + ")" : "")
                + ": " + problem.getMessage()))
        .collect(Collectors.joining("\n"));
    return problems.isEmpty() ? e.getMessage() : "Process models do not parse:\n" + problems;
  }
}
