package io.baton.system;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Baton's one time source. It reads the engine's clock, so that timers, task dates and Baton's own
 * timestamps agree, and a test or the simulation that moves the engine clock moves all of them.
 * Nothing else in Baton reads the engine clock.
 */
public final class BatonClock {

  private BatonClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
