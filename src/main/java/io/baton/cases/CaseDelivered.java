package io.baton.cases;

import java.time.Instant;

/** The service of a case was delivered: its delivery stage handed the case on. */
public record CaseDelivered(String caseKey, Instant at) {}
