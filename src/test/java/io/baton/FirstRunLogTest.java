package io.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer sees on the first {@code spring-boot:run}: no warnings, and the address Baton
 * really listens on, not a port it was not given.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunLogTest {

  @Test
  void theDemoStartsWithoutWarningsAndNamesThePortItListensOn(CapturedOutput output) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
        .profiles("demo")
        .run("--spring.datasource.url=jdbc:h2:mem:first-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "--server.port=0")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();

      assertThat(port).isNotEqualTo(8080);
      assertThat(output).contains("Baton is ready at http://localhost:" + port + " ")
          .contains("Baton demo is ready: http://localhost:" + port + "/camunda/app/tasklist/")
          .doesNotContain("localhost:8080");
      List<String> warnings = output.toString().lines()
          .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
          .toList();
      assertThat(warnings).as("warnings at start-up").isEmpty();
    }
  }
}
