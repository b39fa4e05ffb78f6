package io.baton.sla;

import io.baton.system.OwnThread;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The SLA scan runs on a thread of its own: slow mail delivery never holds back an escalation. */
@Configuration
class SlaConfiguration {

  static final String SCHEDULER = "slaScanScheduler";

  @Bean(SCHEDULER)
  ThreadPoolTaskScheduler slaScanScheduler() {
    return OwnThread.scheduler("baton-sla-scan-");
  }
}
