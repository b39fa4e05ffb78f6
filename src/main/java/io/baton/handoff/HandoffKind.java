package io.baton.handoff;

/** A handoff moves work forward; a send-back returns it to an earlier stage with a reason. */
public enum HandoffKind {
  HANDOFF, SEND_BACK
}
