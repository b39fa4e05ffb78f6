package io.baton.system;

/** The request names something that does not exist. Answered as 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
