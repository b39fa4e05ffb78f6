package io.baton.secrets;

/** A webhook URL or address Baton does not call; the message says why, for the caller or operator. */
public class RefusedWebhookTarget extends RuntimeException {
  public RefusedWebhookTarget(String message) {
    super(message);
  }
}
