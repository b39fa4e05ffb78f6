package io.baton.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns Baton's start-up failures into a short description and the action that fixes them. */
class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BatonConfigurationException e) {
        return new FailureAnalysis(e.getMessage(), e.action(), e);
      }
    }
    return null;
  }
}
