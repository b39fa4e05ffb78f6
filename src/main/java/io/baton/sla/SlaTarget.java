package io.baton.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * What the SLA policy ({@code processes/sla-policy.dmn}) says about one stage of one case: how long
 * the stage may take, when its team is reminded, and who is told when it is late.
 *
 * <p>All durations are <em>business</em> time: they count against the business calendar (working
 * hours, time zone, holidays), not the wall clock. Turning them into dates is the calendar's job.
 *
 * @param target the stage's target duration; the stage is due when this much business time has passed
 * @param warningPercent the reminder point, as a percentage of the target (between 1 and 99)
 * @param firstEscalation the group told, and added to the task, at the due date
 * @param secondEscalationPercent when the second escalation happens, as a percentage of the target
 *     (above 100)
 * @param secondEscalation the group told at the second escalation
 */
public record SlaTarget(
    Duration target,
    int warningPercent,
    String firstEscalation,
    int secondEscalationPercent,
    String secondEscalation) {

  public SlaTarget {
    Objects.requireNonNull(target, "target");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("the target must be positive, not " + target);
    }
    if (warningPercent <= 0 || warningPercent >= 100) {
      throw new IllegalArgumentException(
          "the reminder point must be between 1 and 99 % of the target, not " + warningPercent);
    }
    if (secondEscalationPercent <= 100) {
      throw new IllegalArgumentException("the second escalation must come after the due date "
          + "(above 100 % of the target), not at " + secondEscalationPercent + " %");
    }
    if (firstEscalation == null || firstEscalation.isBlank()) {
      throw new IllegalArgumentException("the first escalation names no group");
    }
    if (secondEscalation == null || secondEscalation.isBlank()) {
      throw new IllegalArgumentException("the second escalation names no group");
    }
  }

  /** Business time from the stage's start to the reminder: {@code warningPercent} % of the target. */
  public Duration warningAfter() {
    return percentOfTarget(warningPercent);
  }

  /** Business time from the stage's start to the second escalation: {@code secondEscalationPercent} % of the target. */
  public Duration secondEscalationAfter() {
    return percentOfTarget(secondEscalationPercent);
  }

  private Duration percentOfTarget(int percent) {
    return target.multipliedBy(percent).dividedBy(100);
  }
}
