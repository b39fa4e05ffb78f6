package io.baton.notification;

import io.baton.system.OwnThread;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The outbox is delivered on a schedule ({@code baton.notifications.poll-interval}), on a thread of
 * its own: a mail server that hangs delays mail, never the SLA or follow-up scans, which have
 * their own schedulers.
 */
@Configuration
@EnableScheduling
class NotificationConfiguration {

  static final String SCHEDULER = "notificationDispatchScheduler";

  @Bean(SCHEDULER)
  ThreadPoolTaskScheduler notificationDispatchScheduler() {
    return OwnThread.scheduler("baton-dispatch-");
  }
}
