package io.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BatonApplication {
  public static void main(String[] args) {
    SpringApplication.run(BatonApplication.class, args);
  }
}
