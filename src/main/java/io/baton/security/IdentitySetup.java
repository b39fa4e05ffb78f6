package io.baton.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.baton.system.BatonConfigurationException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda identity what Baton expects, on every start and idempotently: the staff groups,
 * what each may do, the Tasklist filters, and the administrator named by
 * {@code BATON_ADMIN_USER} / {@code BATON_ADMIN_PASSWORD}. Outside the demo profile Baton refuses
 * to start without that administrator: there are no default passwords.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  static final String DEMO_PROFILE = "demo";

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private static final Map<String, String> GROUP_NAMES = Map.of(
      io.baton.security.Groups.ACCOUNT_MANAGERS, "Account managers",
      io.baton.security.Groups.DELIVERY_LEADS, "Delivery leads",
      io.baton.security.Groups.DELIVERY, "Delivery team",
      io.baton.security.Groups.QA, "Quality assurance",
      io.baton.security.Groups.TEAM_LEADS, "Team leads",
      io.baton.security.Groups.MANAGERS, "Managers",
      io.baton.security.Groups.INTEGRATIONS, "Integrations",
      io.baton.security.Groups.MONITORING, "Monitoring",
      io.baton.security.Groups.ADMINS, "Administrators");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TasklistFilters filters;
  private final Environment environment;
  private final String adminUser;
  private final String adminPassword;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      TasklistFilters filters, Environment environment,
      @Value("${baton.admin.user:}") String adminUser,
      @Value("${baton.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filters = filters;
    this.environment = environment;
    this.adminUser = adminUser.trim();
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterSingletonsInstantiated() {
    checkAdminSettings();
    GROUP_NAMES.forEach(this::ensureGroup);
    grantStaff();
    filters.revokeReadingAllFilters();
    filters.ensureAll();
    if (!adminUser.isEmpty()) {
      try {
        ensureAdmin();
      } catch (ProcessEngineException e) {
        throw new BatonConfigurationException(
            "BATON_ADMIN_USER '" + adminUser + "' cannot be used: " + e.getMessage(),
            "Use letters, digits and . _ @ - in the administrator's user id.");
      }
    }
  }

  private void checkAdminSettings() {
    boolean demo = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
    if (adminUser.isEmpty() && !adminPassword.isEmpty()) {
      throw new BatonConfigurationException("BATON_ADMIN_PASSWORD is set but BATON_ADMIN_USER is not.",
          "Set BATON_ADMIN_USER to the administrator's user id.");
    }
    if (!adminUser.isEmpty() && adminPassword.isEmpty()) {
      throw new BatonConfigurationException("BATON_ADMIN_USER is set but BATON_ADMIN_PASSWORD is not.",
          "Set BATON_ADMIN_PASSWORD in the environment; Baton has no default password.");
    }
    if (adminUser.isEmpty() && !demo) {
      throw new BatonConfigurationException("No administrator is configured.",
          "Set BATON_ADMIN_USER and BATON_ADMIN_PASSWORD in the environment, "
              + "or run the demo profile (spring.profiles.active=demo) for demo users.");
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(id.equals(io.baton.security.Groups.ADMINS) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  /**
   * Staff see and work only the tasks of their own groups: Camunda grants a candidate group
   * TASK_WORK on each of its tasks (default-user-permission-name-for-task). Here they get Tasklist
   * (their filters: {@link TasklistFilters}) and read access to the models their forms come from. Team leads and managers see
   * all tasks; managers also use Cockpit.
   */
  private void grantStaff() {
    for (String group : io.baton.security.Groups.STAFF) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    for (String group : List.of(io.baton.security.Groups.TEAM_LEADS, io.baton.security.Groups.MANAGERS)) {
      grant(group, Resources.TASK, ANY, Permissions.READ);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }
    grant(io.baton.security.Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(io.baton.security.Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE);
    grant(io.baton.security.Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
    for (Resources resource : Resources.values()) {
      grant(io.baton.security.Groups.ADMINS, resource, ANY, Permissions.ALL);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (existing == null) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizationService.saveAuthorization(authorization);
    } else if (!existing.isPermissionGranted(permission)) {
      existing.addPermission(permission);
      authorizationService.saveAuthorization(existing);
    }
  }

  private void ensureAdmin() {
    User user = identityService.createUserQuery().userId(adminUser).singleResult();
    if (user == null) {
      user = identityService.newUser(adminUser);
      user.setFirstName("Baton");
      user.setLastName("Administrator");
      user.setPassword(adminPassword);
      identityService.saveUser(user);
      log.info("Created administrator '{}'", adminUser);
    } else if (!identityService.checkPassword(adminUser, adminPassword)) {
      user.setPassword(adminPassword);
      identityService.saveUser(user);
      log.info("Updated the password of administrator '{}' from the environment", adminUser);
    }
    if (identityService.createUserQuery().userId(adminUser)
        .memberOfGroup(io.baton.security.Groups.ADMINS).count() == 0) {
      identityService.createMembership(adminUser, io.baton.security.Groups.ADMINS);
    }
  }
}
