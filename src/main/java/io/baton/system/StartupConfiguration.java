package io.baton.system;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Baton nodes start side by side on one database ({@link StartupLock}). */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

  @Bean
  static StartupLock startupLock(@Value("${baton.startup.lock-wait:PT5M}") Duration wait) {
    return new StartupLock(wait);
  }
}
