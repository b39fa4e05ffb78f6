package io.baton.system;

/** The request contradicts what Baton already holds. Answered as 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
