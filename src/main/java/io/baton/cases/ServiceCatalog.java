package io.baton.cases;

import io.baton.system.BatonConfigurationException;
import io.baton.system.InvalidFieldException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The services Baton runs ({@code baton.services.<name>.process}), each mapped to the process
 * that delivers it. Checked at start-up: a service whose process is not deployed stops Baton.
 */
@Component
public class ServiceCatalog {

  @ConfigurationProperties("baton")
  public record Settings(Map<String, ServiceSettings> services) {
    public Settings {
      services = services == null ? Map.of() : new TreeMap<>(services);
    }
  }

  /**
   * {@code process}: the process that delivers the service; {@code deliveredAt}: the stage whose
   * completion delivers it (what the promised date is about).
   */
  public record ServiceSettings(String process, String deliveredAt) {}

  private final Map<String, ServiceSettings> services;

  ServiceCatalog(Settings settings, RepositoryService repositoryService) {
    this.services = settings.services();
    if (services.isEmpty()) {
      throw new BatonConfigurationException("No service is configured.",
          "Add at least one entry under baton.services, for example "
              + "baton.services.website-build.process=ServiceDeliveryProcess.");
    }
    services.forEach((name, service) -> {
      if (service == null || service.process() == null || service.process().isBlank()) {
        throw new BatonConfigurationException("Service '" + name + "' names no process.",
            "Set baton.services." + name + ".process to the id of a process in processes/.");
      }
      var deployed = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(service.process()).latestVersion().singleResult();
      if (deployed == null) {
        throw new BatonConfigurationException(
            "Service '" + name + "' is delivered by process '" + service.process()
                + "', but no process with that id is deployed.",
            "Fix baton.services." + name + ".process, or add the model to processes/.");
      }
      if (service.deliveredAt() != null && !(repositoryService.getBpmnModelInstance(deployed.getId())
          .getModelElementById(service.deliveredAt()) instanceof UserTask)) {
        throw new BatonConfigurationException(
            "Service '" + name + "' is delivered at stage '" + service.deliveredAt()
                + "', which is not a user task of process '" + service.process() + "'.",
            "Set baton.services." + name + ".delivered-at to the id of the stage whose completion delivers it.");
      }
    });
  }

  /** The process key of a service, or a 400-worthy error naming the services that exist. */
  public String processFor(String service) {
    ServiceSettings settings = services.get(service);
    if (settings == null) {
      throw new InvalidFieldException("service",
          "unknown service '" + service + "'; use one of " + String.join(", ", services.keySet()));
    }
    return settings.process();
  }

  /** The stage whose completion delivers the service, or null when none is configured. */
  public String deliveredAt(String service) {
    ServiceSettings settings = services.get(service);
    return settings == null ? null : settings.deliveredAt();
  }

  public boolean knows(String service) {
    return services.containsKey(service);
  }

  public Iterable<String> names() {
    return services.keySet();
  }
}
