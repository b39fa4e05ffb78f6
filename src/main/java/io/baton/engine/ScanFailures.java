package io.baton.engine;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * One item of a scan (a reminder, an escalation, a follow-up) that failed: it is logged with its
 * case, and an operator sees it as an incident on the case's process in Cockpit, once per item.
 * The scan goes on with the other items; the failed one is tried again at the next scan.
 */
@Component
public class ScanFailures {

  /** The incident type operators find in Cockpit. */
  public static final String INCIDENT_TYPE = "batonScanFailed";

  private static final Logger log = LoggerFactory.getLogger(ScanFailures.class);

  private final RuntimeService runtimeService;

  ScanFailures(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** {@code item} names what failed, e.g. {@code sla:<task id>:escalation}; one incident per item. */
  public void report(String caseKey, String item, Exception failure) {
    if (concurrent(failure)) {
      log.info("Case {}: {} changed on another node meanwhile; the next scan looks again", caseKey, item);
      return;
    }
    log.error("Case {}: {} failed; the scan goes on with the others and tries it again next time",
        caseKey, item, failure);
    try {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
          .list().stream().findFirst().orElse(null);
      if (instance == null) {
        return;
      }
      boolean known = runtimeService.createIncidentQuery().processInstanceId(instance.getId())
          .incidentType(INCIDENT_TYPE).configuration(item).count() > 0;
      // An incident sits on an execution that waits in an activity: the task, a timer.
      String execution = runtimeService.getActiveActivityIds(instance.getId()).stream().findFirst()
          .flatMap(activity -> runtimeService.createExecutionQuery().processInstanceId(instance.getId())
              .activityId(activity).list().stream().findFirst())
          .map(Execution::getId).orElse(null);
      if (!known && execution != null) {
        runtimeService.createIncident(INCIDENT_TYPE, execution, item, describe(failure));
      }
    } catch (RuntimeException e) {
      log.warn("Case {}: could not raise an incident for {}: {}", caseKey, item, e.toString());
    }
  }

  /**
   * Another transaction had the rows (a lock timeout or a deadlock, also when the engine wraps
   * it, or a stale version): nothing is wrong with the item, the next scan takes it.
   */
  private static boolean concurrent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().equals("55P03") || sql.getSQLState().startsWith("40"))) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Exception failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return message.length() > 3900 ? message.substring(0, 3900) : message;
  }
}
