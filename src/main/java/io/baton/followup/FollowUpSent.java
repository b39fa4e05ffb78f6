package io.baton.followup;

/** A follow-up of a delivered case went out (the survey to the client, the renewal reminder to staff). */
public record FollowUpSent(String caseKey, FollowUpKind kind) {}
