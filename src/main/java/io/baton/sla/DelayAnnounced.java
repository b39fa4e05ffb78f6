package io.baton.sla;

import java.time.LocalDate;

/** The forecast passed the promise: the client was told the new date, in the step's transaction. */
public record DelayAnnounced(String caseKey, LocalDate previousPromise, LocalDate newPromise) {}
