package io.baton.system;

/** Input that passed the format checks but names something Baton does not know. Answered as 400. */
public class InvalidFieldException extends RuntimeException {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
