package io.baton.handoff;

import java.time.Instant;

/** A handoff or send-back was recorded, in the transaction of the step that recorded it. */
public record HandoffRecorded(String caseKey, HandoffKind kind, String fromStage, String toStage, Instant at) {}
