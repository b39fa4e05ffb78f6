package io.baton.system;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Puts the case a piece of work is about into the logging context (MDC keys {@value #CASE_KEY} and
 * {@value #PROCESS_INSTANCE_ID}), so that every log line written meanwhile names it, and restores
 * what was there before when closed:
 * <pre>{@code
 * try (CaseContext context = CaseContext.of(caseKey)) {
 *   ...
 * }
 * }</pre>
 * A value that does not look like an id (a case key taken from a request path, say) is left out
 * rather than written into the logs.
 */
public final class CaseContext implements AutoCloseable {

  public static final String CASE_KEY = "caseKey";
  public static final String PROCESS_INSTANCE_ID = "processInstanceId";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final String previousCaseKey;
  private final String previousProcessInstanceId;

  private CaseContext(String caseKey, String processInstanceId) {
    previousCaseKey = MDC.get(CASE_KEY);
    previousProcessInstanceId = MDC.get(PROCESS_INSTANCE_ID);
    put(CASE_KEY, caseKey);
    processInstance(processInstanceId);
  }

  /** The case; the process instance id stays as it is (the engine sets it while it runs a step). */
  public static CaseContext of(String caseKey) {
    return new CaseContext(caseKey, null);
  }

  public static CaseContext of(String caseKey, String processInstanceId) {
    return new CaseContext(caseKey, processInstanceId);
  }

  /**
   * Adds the case's process instance to the open context once it is known (a scanner learns it
   * from the task it works on); closing that context restores what was there before.
   */
  public static void processInstance(String processInstanceId) {
    if (isId(processInstanceId)) {
      MDC.put(PROCESS_INSTANCE_ID, processInstanceId);
    }
  }

  /** Whether {@code value} may go into the logging context as an id. */
  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  @Override
  public void close() {
    restore(CASE_KEY, previousCaseKey);
    restore(PROCESS_INSTANCE_ID, previousProcessInstanceId);
  }

  private static void put(String key, String value) {
    if (isId(value)) {
      MDC.put(key, value);
    } else {
      MDC.remove(key);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
