package io.baton.handoff;

import io.baton.engine.Stages;

/** What a process step asks to record. {@code stepKey} makes a retried step record once. */
public record RecordHandoff(
    String caseKey,
    HandoffKind kind,
    Stages from,
    String fromUser,
    Stages to,
    String note,
    String reason,
    String openQuestions,
    String checklistDone,
    String checklistOpen,
    String stepKey) {}
