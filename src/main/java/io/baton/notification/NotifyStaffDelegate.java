package io.baton.notification;

import io.baton.engine.BuildingBlock.Inputs;
import io.baton.engine.Stages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Building block "Notify staff": {@code template} and one of {@code user} or {@code group}. */
@Component("notifyStaff")
class NotifyStaffDelegate implements JavaDelegate {

  private final NotificationService notifications;

  NotifyStaffDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.notifyStaff(execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal(Inputs.TEMPLATE),
        (String) execution.getVariableLocal(Inputs.USER),
        (String) execution.getVariableLocal(Inputs.GROUP),
        Stages.stepKey(execution));
  }
}
