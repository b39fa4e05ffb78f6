package io.baton.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, without a single expression: the engine evaluates none in stored queries
 * (Baton turns that off), so "my" and "my team" are spelled out per person and per team. Each
 * team's filter is visible to that team only, each personal filter to its person only, and
 * "All open tasks" to team leads and managers, who may read every task.
 */
@Component
class TasklistFilters {

  /** The filter property that marks a filter as Baton's, with what it is for. */
  static final String MARK = "batonFilter";
  static final String MY_TASKS = "My tasks";
  static final String ALL_TASKS = "All open tasks";
  /** Baton's filters before they were spelled out; they used expressions and are removed. */
  private static final Set<String> FORMER = Set.of("My tasks", "My team's tasks");

  /** The teams that own stages, with the name of their filter. */
  static final Map<String, String> TEAM_FILTERS = teamFilters();

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService, IdentityService identityService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  private static Map<String, String> teamFilters() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put(Groups.ACCOUNT_MANAGERS, "Team: Account managers");
    filters.put(Groups.DELIVERY_LEADS, "Team: Delivery leads");
    filters.put(Groups.DELIVERY, "Team: Delivery");
    filters.put(Groups.QA, "Team: Quality assurance");
    return Map.copyOf(filters);
  }

  /** On start-up: removes the expression filters, makes the team filters and everyone's own. */
  void ensureAll() {
    filterService.createTaskFilterQuery().list().stream()
        .filter(filter -> FORMER.contains(filter.getName()) && mark(filter) == null)
        .forEach(filter -> filterService.deleteFilter(filter.getId()));
    int priority = -5;
    for (Map.Entry<String, String> team : TEAM_FILTERS.entrySet()) {
      ensure("team:" + team.getKey(), team.getValue(), priority++,
          "Open tasks of this team, claimed or not",
          taskService.createTaskQuery().taskCandidateGroup(team.getKey()).includeAssignedTasks(),
          List.of(team.getKey()), null);
    }
    ensure("all", ALL_TASKS, 5, "Every open task of every team", taskService.createTaskQuery(),
        List.of(Groups.TEAM_LEADS, Groups.MANAGERS), null);
    for (String group : Groups.STAFF) {
      for (User user : identityService.createUserQuery().memberOfGroup(group).list()) {
        ensurePersonalFilter(user.getId());
      }
    }
  }

  /** A person's "My tasks"; cheap after the first call for that person. */
  void ensurePersonalFilter(String userId) {
    if (known.contains(userId)) {
      return;
    }
    ensure("user:" + userId, MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssignee(userId), List.of(), userId);
    known.add(userId);
  }

  private synchronized void ensure(String mark, String name, int priority, String description,
      TaskQuery query, List<String> groups, String user) {
    Filter filter = filterService.createTaskFilterQuery().list().stream()
        .filter(f -> mark.equals(mark(f))).findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(name)
          .setQuery(query)
          .setProperties(Map.of("priority", priority, "description", description, "refresh", true, MARK, mark));
      filter = filterService.saveFilter(filter);
    }
    for (String group : groups) {
      grantRead(filter.getId(), group, null);
    }
    if (user != null) {
      grantRead(filter.getId(), null, user);
    }
  }

  private void grantRead(String filterId, String group, String user) {
    var query = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.FILTER).resourceId(filterId);
    query = group != null ? query.groupIdIn(group) : query.userIdIn(user);
    if (query.count() == 0) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setUserId(user);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** Staff used to read every filter; now each reads its own. */
  void revokeReadingAllFilters() {
    for (String group : Groups.STAFF) {
      authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY).list()
          .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }
  }

  private static Object mark(Filter filter) {
    Map<String, Object> properties = filter.getProperties();
    return properties == null ? null : properties.get(MARK);
  }
}
