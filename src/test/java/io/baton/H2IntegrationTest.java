package io.baton;

import io.baton.cases.CaseApiScenarios;
import io.baton.cases.CaseLifecycleScenarios;
import io.baton.notification.HeldMailScenarios;
import io.baton.security.SecurityScenarios;
import io.baton.testing.IntegrationSettings;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Baton application on an in-memory H2 database, as on a first run. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("h2")
class H2IntegrationTest {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:baton-it;DB_CLOSE_DELAY=-1");
    IntegrationSettings.register(registry);
  }

  @Nested
  class CaseLifecycle extends CaseLifecycleScenarios {}

  @Nested
  class CaseApi extends CaseApiScenarios {}

  @Nested
  class Security extends SecurityScenarios {}

  @Nested
  class HeldMail extends HeldMailScenarios {}
}
