package io.baton.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Does nothing but count its calls, wherever the baseline model calls it: as a task listener
 * where Baton listens to user tasks, as an execution listener where Baton listens to the process
 * end, or as a service task's delegate.
 */
public class NoOpDelegate implements JavaDelegate, TaskListener, ExecutionListener {

  /** How often it was called: proof that the baseline did invoke its delegates. */
  static final AtomicLong CALLS = new AtomicLong();

  @Override
  public void execute(DelegateExecution execution) {
    CALLS.incrementAndGet();
  }

  @Override
  public void notify(DelegateTask task) {
    CALLS.incrementAndGet();
  }

  @Override
  public void notify(DelegateExecution execution) {
    CALLS.incrementAndGet();
  }
}
