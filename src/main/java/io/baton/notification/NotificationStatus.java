package io.baton.notification;

/**
 * PENDING waits for its next attempt; SENDING is claimed by one node; SENT is done; FAILED used up
 * its attempts and waits for an operator's retry; HELD cannot go out until its channel is set up
 * (e-mail without an SMTP server) and is kept, never dropped.
 */
public enum NotificationStatus {
  PENDING, SENDING, SENT, FAILED, HELD
}
