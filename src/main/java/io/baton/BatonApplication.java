package io.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BatonApplication {
  public static void main(String[] args) {
    SpringApplication.run(BatonApplication.class, args);
  }
}
