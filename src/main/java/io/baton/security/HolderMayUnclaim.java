package io.baton.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Lets a person give back ("unclaim") a task they hold. Camunda asks for TASK_ASSIGN to unclaim,
 * which a candidate group does not have (it may claim and complete, not reassign), so a task
 * claimed by mistake would stay stuck. During an unclaim request that {@link EngineEdge} let
 * through, and only for that task, the assign check passes when the caller is its assignee.
 */
@Component
class HolderMayUnclaim extends AbstractProcessEnginePlugin {

  interface Request {
    void run() throws IOException, ServletException;
  }

  private static final ThreadLocal<String> UNCLAIMING = new ThreadLocal<>();

  static void allowFor(String taskId, Request request) throws IOException, ServletException {
    UNCLAIMING.set(taskId);
    try {
      request.run();
    } finally {
      UNCLAIMING.remove();
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCommandCheckers(configuration.getCommandCheckers().stream()
        .map(checker -> checker instanceof AuthorizationCommandChecker ? new Checker() : checker)
        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList<CommandChecker>::new)));
  }

  static final class Checker extends AuthorizationCommandChecker {
    @Override
    public void checkTaskAssign(TaskEntity task) {
      if (!isHolderUnclaiming(task)) {
        super.checkTaskAssign(task);
      }
    }

    private static boolean isHolderUnclaiming(TaskEntity task) {
      if (!task.getId().equals(UNCLAIMING.get()) || task.getAssignee() == null) {
        return false;
      }
      Authentication current = Context.getCommandContext().getAuthentication();
      return current != null && task.getAssignee().equals(current.getUserId());
    }
  }
}
