package io.baton.engine;

import io.baton.system.BatonConfigurationException;

/** A process model in the designers' folder cannot be deployed; start-up stops with its reason. */
public class ProcessModelRejectedException extends BatonConfigurationException {
  public ProcessModelRejectedException(String message, Throwable cause) {
    super(message, "Fix the model in the processes/ folder (Camunda Modeler shows the same element) and start again.",
        cause);
  }
}
