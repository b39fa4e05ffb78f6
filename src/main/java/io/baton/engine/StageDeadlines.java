package io.baton.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Gives a stage's task its due date and follow-up date when it is created. Implemented by the
 * SLA module; without one, tasks have no dates.
 */
public interface StageDeadlines {

  record Deadline(Instant due, Instant followUp) {}

  Optional<Deadline> deadlineFor(StageStarted stage);
}
