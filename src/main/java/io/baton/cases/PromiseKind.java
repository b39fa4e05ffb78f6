package io.baton.cases;

/** What happened to the date a client was promised. */
public enum PromiseKind {
  MADE, CHANGED, KEPT, BROKEN
}
