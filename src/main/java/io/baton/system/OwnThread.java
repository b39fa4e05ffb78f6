package io.baton.system;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** A scheduler with a thread of its own, so that one slow job never holds back another. */
public final class OwnThread {

  private OwnThread() {}

  public static ThreadPoolTaskScheduler scheduler(String threadNamePrefix) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix(threadNamePrefix);
    return scheduler;
  }
}
