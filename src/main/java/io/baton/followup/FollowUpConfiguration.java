package io.baton.followup;

import io.baton.security.PublicPages;
import io.baton.system.OwnThread;
import java.util.List;
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

  /** A client's survey page is public: the unguessable link is the credential, and it shows one case. */
  @Bean
  PublicPages surveyPages() {
    return () -> List.of(FollowUps.SURVEY_PATH + "*");
  }
}
