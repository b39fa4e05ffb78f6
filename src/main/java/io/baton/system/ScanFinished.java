package io.baton.system;

import java.time.Duration;

/**
 * One run of a periodic scan finished: {@code scan} names it ({@value #DISPATCH}, {@value #SLA},
 * {@value #FOLLOW_UPS}), {@code items} is how many items this node took, {@code took} the wall-clock
 * time of the run.
 */
public record ScanFinished(String scan, int items, Duration took) {
  public static final String DISPATCH = "dispatch";
  public static final String SLA = "sla";
  public static final String FOLLOW_UPS = "follow-ups";
}
