package io.baton.sla;

import java.time.Instant;

/**
 * The SLA scanner took a step on one stage of a case, in the step's transaction: a reminder to the
 * assignee or team, an escalation ({@code level} 1 at the due date, when the SLA is breached; 2 at
 * the second threshold), or a reminder to a client whose input the stage waits for.
 */
public record SlaStepTaken(String caseKey, String stage, Kind kind, int level, Instant at) {

  public enum Kind {
    REMINDER, ESCALATION, CLIENT_REMINDER
  }

  /** The first escalation is taken when the stage passes its due date. */
  public boolean breach() {
    return kind == Kind.ESCALATION && level == 1;
  }
}
