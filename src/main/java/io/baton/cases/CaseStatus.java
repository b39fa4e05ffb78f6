package io.baton.cases;

public enum CaseStatus {
  OPEN, CLOSED, CANCELLED
}
