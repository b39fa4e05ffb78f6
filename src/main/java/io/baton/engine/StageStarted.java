package io.baton.engine;

import java.time.Instant;

/** A stage's user task was created: the team in {@code team} now owns the case. */
public record StageStarted(String caseKey, String processDefinitionId, String stageId, String stageName,
    String team, String taskId, Instant at) {}
