package io.baton.engine;

/** A process model in the designers' folder cannot be deployed; start-up stops with its reason. */
public class ProcessModelRejectedException extends RuntimeException {
  public ProcessModelRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
