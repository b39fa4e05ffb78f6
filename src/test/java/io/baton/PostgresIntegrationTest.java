package io.baton;

import io.baton.cases.AccessMatrixScenarios;
import io.baton.cases.CaseApiScenarios;
import io.baton.cases.CaseLifecycleScenarios;
import io.baton.cases.ReturningClientScenarios;
import io.baton.cases.StrictInputScenarios;
import io.baton.engine.PlainProcessScenarios;
import io.baton.operations.ActuatorScenarios;
import io.baton.security.ApiTokenScenarios;
import io.baton.security.EngineEdgeScenarios;
import io.baton.security.SecurityScenarios;
import io.baton.system.HostileInputScenarios;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Baton application on a real PostgreSQL with the {@code postgres} profile, as in production.
 * CI fails when these tests did not run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresIntegrationTest {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_it");
    IntegrationSettings.register(registry);
  }

  @Nested
  class CaseLifecycle extends CaseLifecycleScenarios {}

  @Nested
  class CaseApi extends CaseApiScenarios {}

  @Nested
  class Security extends SecurityScenarios {}

  @Nested
  class PlainProcess extends PlainProcessScenarios {}

  @Nested
  class EngineEdge extends EngineEdgeScenarios {}

  @Nested
  class HostileInput extends HostileInputScenarios {}

  @Nested
  class StrictInput extends StrictInputScenarios {}

  @Nested
  class AccessMatrix extends AccessMatrixScenarios {}

  @Nested
  class ApiTokens extends ApiTokenScenarios {}

  @Nested
  class ReturningClient extends ReturningClientScenarios {}

  @Nested
  class Actuator extends ActuatorScenarios {}
}
