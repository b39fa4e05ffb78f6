package io.baton.followup;

public enum FollowUpKind {
  SURVEY, RENEWAL
}
