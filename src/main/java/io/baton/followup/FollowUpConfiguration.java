package io.baton.followup;

import io.baton.system.OwnThread;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The follow-up scan runs on a thread of its own, apart from mail delivery and the SLA scan. */
@Configuration
class FollowUpConfiguration {

  static final String SCHEDULER = "followUpScanScheduler";

  @Bean(SCHEDULER)
  ThreadPoolTaskScheduler followUpScanScheduler() {
    return OwnThread.scheduler("baton-follow-ups-");
  }
}
