package io.baton.engine;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** Which process instance runs (or ran) a case: the engine's id for a case key, its business key. */
@Component
public class CaseProcesses {

  private final HistoryService history;

  CaseProcesses(HistoryService history) {
    this.history = history;
  }

  /** The newest process instance of the case, running or ended; null when there is none. */
  public String processInstanceId(String caseKey) {
    if (caseKey == null) {
      return null;
    }
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseKey)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .map(HistoricProcessInstance::getId).findFirst().orElse(null);
  }
}
