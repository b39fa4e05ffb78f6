package io.baton.benchmark;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's own addition to Baton's application context: every DataSource bean is wrapped
 * in a {@link CountingDataSource}, so JPA, Flyway and the engine all go through the counter.
 *
 * <p>Deliberately not a {@code @Configuration}: Baton's component scan covers {@code io.baton}, and
 * this class must only be in the context the benchmark starts (it is passed as a source there).
 */
public class CountCommitsConfiguration {

  @Bean
  static BeanPostProcessor countingDataSourcePostProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
          return new CountingDataSource(dataSource);
        }
        return bean;
      }
    };
  }
}
