package io.baton.sla;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TIMER_CHECK_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Walk;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real job executor on PostgreSQL: once the engine clock passes 7 working days after the
 * handover, each case's check-in timer fires, once, and not a working day earlier.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class TimersOnTheJobExecutorTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Friday 5 February 2027, 11:00 in Sofia. */
  private static final LocalDateTime HANDOVER = LocalDateTime.of(2027, 2, 5, 11, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_timers");
    IntegrationSettings.register(registry);
    registry.add("camunda.bpm.job-execution.enabled", () -> "true");
    registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "200");
    registry.add("camunda.bpm.job-execution.max-wait", () -> "500");
  }

  @Autowired CaseService cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachCheckInTimerFiresOnceSevenWorkingDaysAfterHandover() {
    at(HANDOVER);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String key = cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Client " + i,
          "timers-" + UUID.randomUUID() + "@client.example", Language.FI, SOFIA, "website-build",
          Tier.STANDARD, LocalDate.of(2027, 3, 31))).theCase().getKey();
      Walk.toDelivery(taskService, key);
      keys.add(key);
    }
    List<Job> timers = managementService.createJobQuery().timers().activityId(TIMER_CHECK_IN).list();
    assertThat(timers).hasSize(3).allSatisfy(job ->
        assertThat(job.getDuedate()).isEqualTo(date(LocalDateTime.of(2027, 2, 16, 11, 0))));

    at(LocalDateTime.of(2027, 2, 15, 11, 0));
    assertThat(managementService.createJobQuery().timers().activityId(TIMER_CHECK_IN).executable().count())
        .as("nothing is due a working day early").isZero();

    at(LocalDateTime.of(2027, 2, 16, 11, 1));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_CHECK_IN)
            .processInstanceBusinessKeyIn(keys.toArray(String[]::new)).count()).isEqualTo(3));

    for (String key : keys) {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(TASK_CHECK_IN)
          .count()).as("one check-in for %s", key).isEqualTo(1);
      String processInstanceId = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult()
          .getProcessInstanceId();
      assertThat(historyService.createHistoricJobLogQuery().processInstanceId(processInstanceId)
          .activityIdIn(TIMER_CHECK_IN).successLog().count()).as("the timer of %s fired once", key).isEqualTo(1);
    }
  }

  private static void at(LocalDateTime sofiaTime) {
    Walk.at(SOFIA, sofiaTime);
  }

  private static Date date(LocalDateTime sofiaTime) {
    return Date.from(sofiaTime.atZone(SOFIA).toInstant());
  }
}
