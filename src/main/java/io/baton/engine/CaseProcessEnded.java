package io.baton.engine;

import java.time.Instant;

/** A case's process ended: {@code completed} is false when it was cancelled instead. */
public record CaseProcessEnded(String caseKey, boolean completed, Instant at) {}
