package io.baton.sla;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.dmn.DecisionDefinitionNotFoundException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The SLA target of a stage, from the designers' decision table {@code processes/sla-policy.dmn}
 * (decision {@value #KEY}, always its latest deployed version).
 *
 * <p>The names below are the one place Java refers to the table's decision key, inputs and outputs:
 * when a designer renames one in the table, this is what to follow.
 *
 * <p><b>Authorizations.</b> Baton runs with Camunda authorizations on. Evaluating a decision through
 * the {@link DecisionService} needs CREATE_INSTANCE on the decision definition whenever a user is
 * authenticated on the thread (with nobody authenticated, the engine checks nothing). Baton asks for
 * SLA targets from engine listeners and from its own services: mostly with nobody authenticated (job
 * executor, start-up), but not always: a Baton service answering a staff member's REST request, or a
 * listener running inside the task completion of a user (Camunda skips checks in such custom code
 * only while {@code authorizationEnabledForCustomCode} is off). The SLA policy is Baton's own
 * business and must not depend on that person's rights, so {@link #targetFor} evaluates the table
 * with nobody authenticated and puts the caller's authentication back afterwards, also when the
 * evaluation fails. (The historic decision instance of such an evaluation records no user.)
 */
@Component
public class SlaPolicy {

  /** Decision id of the SLA policy table. */
  public static final String KEY = "SlaPolicy";

  /** The designers' file the table lives in, relative to Baton's working directory. */
  public static final String FILE = "processes/sla-policy.dmn";

  /** The table's inputs: the variables its input expressions read. */
  public static final class Inputs {
    public static final String SERVICE = "service";
    public static final String TIER = "tier";
    /** The stage's user task id, for example {@code Task_Delivery}. */
    public static final String STAGE = "stage";

    private Inputs() {}
  }

  /** The table's outputs (output names, not labels). */
  public static final class Outputs {
    public static final String TARGET_HOURS = "targetHours";
    public static final String WARNING_PERCENT = "warningPercent";
    public static final String FIRST_ESCALATION = "firstEscalation";
    public static final String SECOND_ESCALATION_PERCENT = "secondEscalationPercent";
    public static final String SECOND_ESCALATION = "secondEscalation";

    private Outputs() {}
  }

  private final DecisionService decisionService;
  private final IdentityService identityService;

  public SlaPolicy(DecisionService decisionService, IdentityService identityService) {
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /**
   * The SLA target of {@code stage} (a user task id) in a case of {@code service} at {@code tier}.
   * A null value matches only the table's "-" cells.
   *
   * @throws IllegalStateException when the table is not deployed, has no row for the combination,
   *     or its row is incomplete or not sane; the message names the service, tier, stage and file
   */
  public SlaTarget targetFor(String service, String tier, String stage) {
    return toTarget(evaluate(inputs(service, tier, stage), service, tier, stage), service, tier, stage);
  }

  /** The table's input variables for one stage of one case. */
  static Map<String, Object> inputs(String service, String tier, String stage) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Inputs.SERVICE, service);
    variables.put(Inputs.TIER, tier);
    variables.put(Inputs.STAGE, stage);
    return variables;
  }

  /** The target that the table's result gives, or an error naming the case's stage and the file. */
  static SlaTarget toTarget(DmnDecisionTableResult result, String service, String tier, String stage) {
    DmnDecisionRuleResult row = result.getFirstResult();
    if (row == null) {
      throw problem(service, tier, stage, "no row of the SLA policy matches",
          "add a row for it, or keep an all-\"-\" catch-all as the last row", null);
    }
    try {
      return new SlaTarget(
          Duration.ofHours(number(row, Outputs.TARGET_HOURS)),
          number(row, Outputs.WARNING_PERCENT),
          text(row, Outputs.FIRST_ESCALATION),
          number(row, Outputs.SECOND_ESCALATION_PERCENT),
          text(row, Outputs.SECOND_ESCALATION));
    } catch (IllegalArgumentException e) {
      throw problem(service, tier, stage, "the matching row of the SLA policy is wrong: " + e.getMessage(),
          "fix that row", e);
    }
  }

  private DmnDecisionTableResult evaluate(Map<String, Object> variables, String service, String tier, String stage) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller != null) {
      identityService.clearAuthentication();
    }
    try {
      return decisionService.evaluateDecisionTableByKey(KEY).variables(variables).evaluate();
    } catch (NotFoundException | DecisionDefinitionNotFoundException e) {
      throw problem(service, tier, stage, "no decision '" + KEY + "' is deployed",
          "keep " + FILE + " with a decision of id '" + KEY + "' in the processes folder", e);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static int number(DmnDecisionRuleResult row, String output) {
    Object value = row.get(output);
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Math.toIntExact(((Number) value).longValue());
    }
    throw new IllegalArgumentException("output '" + output + "' must be a whole number, not "
        + (value == null ? "empty" : "'" + value + "'"));
  }

  private static String text(DmnDecisionRuleResult row, String output) {
    Object value = row.get(output);
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalArgumentException("output '" + output + "' must name a group, not "
        + (value == null ? "empty" : "'" + value + "'"));
  }

  private static IllegalStateException problem(String service, String tier, String stage, String what,
      String fix, Exception cause) {
    return new IllegalStateException("SLA policy for service '" + service + "', tier '" + tier
        + "', stage '" + stage + "': " + what + ". In " + FILE + " (decision '" + KEY + "'), " + fix + ".",
        cause);
  }
}
