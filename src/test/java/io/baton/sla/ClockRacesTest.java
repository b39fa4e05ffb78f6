package io.baton.sla;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Staff;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA clocks when the scanner, a task completion and API requests meet on one case: no change is
 * lost, nothing is done twice, and no caller gets a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class ClockRacesTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia. */
  private static final LocalDateTime OPENED = LocalDateTime.of(2027, 2, 1, 10, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_clock_races");
    IntegrationSettings.register(registry);
  }

  @Autowired CaseService cases;
  @Autowired SlaScanner scanner;
  @Autowired TaskSlaRepository clocks;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired NotificationService notifications;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired TestRestTemplate http;

  private final ExecutorService nodes = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() {
    Staff.ensure(identityService);
    at(OPENED);
  }

  @AfterEach
  void tearDown() {
    nodes.shutdownNow();
    ClockUtil.reset();
  }

  @Test
  void aClockWrittenFromAStaleCopyFailsInsteadOfUndoingTheReminderAnotherNodeTook() {
    Case opened = open();
    String taskId = task(opened).getId();
    at(OPENED.withHour(16));

    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      TaskSla stale = clocks.findById(taskId).orElseThrow();
      assertThat(scanOnAnotherNode()).as("the reminder, taken meanwhile").isEqualTo(1);
      stale.pause(ClockUtil.getCurrentTime().toInstant(), "The logo, please.", OPENED.plusDays(2).atZone(SOFIA)
          .toInstant());
    })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

    TaskSla clock = clocks.findById(taskId).orElseThrow();
    assertThat(clock.getRemindersSent()).isEqualTo(1);
    assertThat(clock.getNextReminderAt()).isAfter(clock.getWarnAt());
    assertThat(clock.getPausedSince()).isNull();
  }

  @Test
  void twoRequestsAtOnceToWaitForTheClientStartOneWaitAndTheOtherGets409() throws Exception {
    for (int round = 0; round < 4; round++) {
      Case opened = open();
      String path = "/api/cases/" + opened.getKey() + "/waiting-for-client";
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Api.Response>> requests = new ArrayList<>();
      for (int caller = 0; caller < 2; caller++) {
        requests.add(nodes.submit(() -> {
          Api api = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
          together.await(10, TimeUnit.SECONDS);
          return api.post(path, Map.of("request", "The logo in SVG, please."));
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> request : requests) {
        statuses.add(request.get(30, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
      assertThat(notifications.list(null, opened.getKey()).stream().map(Notification::getTemplate)
          .filter(NotificationTemplate.CLIENT_INPUT_REMINDER.id()::equals)).as("the client is asked once").hasSize(1);
    }
  }

  @Test
  void aTaskCompletedWhileTheScannerEscalatesItCompletesAndKeepsTheEscalation() throws Exception {
    for (int round = 0; round < 3; round++) {
      at(OPENED);
      Case opened = open();
      Task kickoff = task(opened);
      at(OPENED.plusDays(1));
      CyclicBarrier together = new CyclicBarrier(2);
      Future<Integer> scan = nodes.submit(() -> {
        together.await(10, TimeUnit.SECONDS);
        return scanner.scan();
      });
      Future<?> completion = nodes.submit(() -> {
        together.await(10, TimeUnit.SECONDS);
        taskService.complete(kickoff.getId(), Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
        return null;
      });
      completion.get(30, TimeUnit.SECONDS);
      scan.get(30, TimeUnit.SECONDS);

      assertThat(task(opened).getTaskDefinitionKey()).isEqualTo(TASK_INTAKE);
      TaskSla clock = clocks.findById(kickoff.getId()).orElseThrow();
      assertThat(clock.getCompletedAt()).isNotNull();
      long escalations = notifications.list(null, opened.getKey()).stream()
          .filter(n -> n.getTemplate().equals(NotificationTemplate.TASK_ESCALATED.id())).count();
      assertThat(clock.getEscalationLevel()).as("round %d: the clock remembers each escalation sent", round)
          .isEqualTo(escalations > 0 ? 1 : 0);
    }
  }

  // ------------------------------------------------------------------ helpers

  private int scanOnAnotherNode() {
    try {
      return nodes.submit(scanner::scan).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Case open() {
    return cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Rila Digital OOD",
        "races-" + UUID.randomUUID() + "@rila.example", Language.BG, SOFIA, "website-build", Tier.STANDARD,
        LocalDate.of(2027, 4, 1))).theCase();
  }

  private Task task(Case theCase) {
    return taskService.createTaskQuery().processInstanceBusinessKey(theCase.getKey()).singleResult();
  }

  private static void at(LocalDateTime sofiaTime) {
    ClockUtil.setCurrentTime(Date.from(sofiaTime.atZone(SOFIA).toInstant()));
  }
}
