package io.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.baton.BatonApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A wrong calendar file stops Baton itself, which prints the file, the line and the fix, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class CalendarStartupTest {

  @Test
  void aWrongHolidayDateStopsStartUpNamingTheFileAndTheLine(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> {
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
          .profiles("demo")
          .run("--spring.datasource.url=jdbc:h2:mem:calendar-startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
              "--server.port=0",
              "--camunda.bpm.webapp.enabled=false",
              "--camunda.bpm.job-execution.enabled=false",
              "--baton.calendars.location=classpath*:calendars/bad-date/")) {
        // Started, which is the failure this test looks for.
      }
    });

    assertThat(failure).isNotNull();
    assertThat(output)
        .contains("calendars/bad-date/holidays/BG.txt line 7: '2026-02-30' is not a date")
        .contains("Correct line 7 of calendars/bad-date/holidays/BG.txt");
  }
}
