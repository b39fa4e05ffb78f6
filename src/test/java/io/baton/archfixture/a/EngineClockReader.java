package io.baton.archfixture.a;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Reads the engine clock itself instead of Baton's time source: EngineBoundaryTest must report it. */
public class EngineClockReader {
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
