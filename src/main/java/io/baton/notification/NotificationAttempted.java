package io.baton.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * The dispatcher tried to deliver a notification and recorded the outcome: {@code createdAt} is when
 * it was written to the outbox, {@code at} when the outcome was recorded, {@code took} how long the
 * channel took (zero when nothing was sent). A notification that cannot be read at all is FAILED
 * with its id alone: case, channel, template and creation are null.
 */
public record NotificationAttempted(long id, String caseKey, Channel channel, String template, Outcome outcome,
    Instant createdAt, Instant at, Duration took) {

  public enum Outcome {
    /** Delivered. */
    SENT,
    /** This attempt failed; another follows with backoff. */
    RETRYING,
    /** Given up: the last attempt failed, or it cannot be delivered at all. An operator may retry it. */
    FAILED,
    /** Its channel is not set up (e-mail without an SMTP server); kept until it is. */
    HELD
  }
}
