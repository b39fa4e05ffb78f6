package io.baton.testing;

import io.baton.security.Groups;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** One test user per group, each with the password {@value #PASSWORD}. */
public final class Staff {

  public static final String PASSWORD = "s3cret-for-tests";
  public static final String ACCOUNT_MANAGER = "t-amira";
  public static final String DELIVERY_LEAD = "t-lena";
  public static final String DEVELOPER = "t-dimitar";
  public static final String QA = "t-quentin";
  public static final String INTEGRATION = "t-crm";
  public static final String MANAGER = "t-mehmet";
  public static final String TEAM_LEAD = "t-tuula";

  public static final Map<String, String> GROUP_OF = Map.of(
      ACCOUNT_MANAGER, Groups.ACCOUNT_MANAGERS,
      DELIVERY_LEAD, Groups.DELIVERY_LEADS,
      DEVELOPER, Groups.DELIVERY,
      QA, Groups.QA,
      INTEGRATION, Groups.INTEGRATIONS,
      MANAGER, Groups.MANAGERS,
      TEAM_LEAD, Groups.TEAM_LEADS);

  private Staff() {}

  public static void ensure(IdentityService identityService) {
    GROUP_OF.forEach((id, group) -> {
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        user.setEmail(email(id));
        identityService.saveUser(user);
        identityService.createMembership(id, group);
      }
    });
  }

  public static String email(String user) {
    return user + "@staff.baton.test";
  }

  /** The user of the team that owns a stage. */
  public static String memberOf(String group) {
    return GROUP_OF.entrySet().stream().filter(e -> e.getValue().equals(group))
        .map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No test user in group " + group));
  }
}
