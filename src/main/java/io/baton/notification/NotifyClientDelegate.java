package io.baton.notification;

import io.baton.engine.BuildingBlock.Inputs;
import io.baton.engine.Stages;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Building block "Notify client": {@code template}, optional {@code channels} (email, webhook). */
@Component("notifyClient")
class NotifyClientDelegate implements JavaDelegate {

  private final NotificationService notifications;

  NotifyClientDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object channels = execution.getVariableLocal(Inputs.CHANNELS);
    Set<Channel> chosen = channels == null || channels.toString().isBlank()
        ? EnumSet.allOf(Channel.class)
        : Arrays.stream(channels.toString().split(",")).map(Channel::of)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    notifications.notifyClient(execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal(Inputs.TEMPLATE), chosen, Stages.stepKey(execution));
  }
}
