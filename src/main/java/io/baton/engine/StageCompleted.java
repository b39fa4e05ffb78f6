package io.baton.engine;

import java.time.Instant;

/** A stage's user task was completed by {@code completedBy} (null when no user was logged in). */
public record StageCompleted(
    String caseKey, String stageId, String stageName, String taskId, String completedBy, Instant at) {}
