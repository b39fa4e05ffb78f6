package io.baton.sla;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.notification.Audience;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.security.Groups;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SLA clocks on PostgreSQL, with time moved on the engine clock: a Kickoff of a standard website
 * build has 8 business hours (account managers: Mon–Fri 09:00–17:00, Europe/Sofia), a reminder at
 * 75 % and escalations at 100 % and 150 %.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class SlaEscalationTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia: no public holiday that week. */
  private static final LocalDateTime OPENED = LocalDateTime.of(2027, 2, 1, 10, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_sla");
    IntegrationSettings.register(registry);
  }

  @Autowired CaseService cases;
  @Autowired SlaScanner scanner;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired NotificationService notifications;
  @Autowired ClientWaits waits;

  @BeforeEach
  void setUp() {
    Staff.ensure(identityService);
    at(OPENED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskGetsItsDueAndFollowUpDatesFromThePolicyOnTheTeamsCalendar() {
    Case opened = open();
    Task kickoff = task(opened.getKey());

    assertThat(kickoff.getFollowUpDate()).as("warning at 75 %% of 8 h: Monday 16:00")
        .isEqualTo(date(OPENED.withHour(16)));
    assertThat(kickoff.getDueDate()).as("8 business hours: Tuesday 10:00")
        .isEqualTo(date(OPENED.plusDays(1)));
  }

  @Test
  void theTeamIsRemindedAtTheWarningPointThenTheAssigneeEveryWorkingDayUntilDone() {
    Case opened = open();
    Task kickoff = task(opened.getKey());

    at(OPENED.withHour(15).withMinute(59));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).isEmpty();

    at(OPENED.withHour(16));
    scanner.scan();
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).as("the unclaimed task's team, once")
        .containsExactly(Staff.email(Staff.ACCOUNT_MANAGER));

    taskService.claim(kickoff.getId(), Staff.ACCOUNT_MANAGER);
    at(OPENED.plusDays(1).withHour(16));
    scanner.scan();
    at(OPENED.plusDays(2).withHour(16));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).as("then the assignee, every working day")
        .containsExactly(Staff.email(Staff.ACCOUNT_MANAGER), Staff.email(Staff.ACCOUNT_MANAGER),
            Staff.email(Staff.ACCOUNT_MANAGER));

    complete(opened.getKey());
    at(OPENED.plusDays(3).withHour(16));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).as("never after the task is done: only Intake's team now")
        .containsExactly(Staff.email(Staff.ACCOUNT_MANAGER), Staff.email(Staff.ACCOUNT_MANAGER),
            Staff.email(Staff.ACCOUNT_MANAGER), Staff.email(Staff.DELIVERY_LEAD));
  }

  @Test
  void lateWorkGoesToTheTeamLeadsAtTheDueDateAndToTheManagersAtTheSecondThreshold() {
    Case opened = open();
    Task kickoff = task(opened.getKey());

    at(OPENED.plusDays(1).withHour(9).withMinute(59));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).isEmpty();
    assertThat(cases.get(opened.getKey()).isAtRisk()).isFalse();

    at(OPENED.plusDays(1));
    scanner.scan();
    scanner.scan();
    assertThat(candidateGroups(kickoff)).contains(Groups.ACCOUNT_MANAGERS, Groups.TEAM_LEADS)
        .doesNotContain(Groups.MANAGERS);
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).containsExactly(Staff.email(Staff.TEAM_LEAD));
    assertThat(cases.get(opened.getKey()).isAtRisk()).isTrue();

    at(OPENED.plusDays(1).withHour(14));
    scanner.scan();
    assertThat(candidateGroups(kickoff)).contains(Groups.MANAGERS);
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id()))
        .containsExactly(Staff.email(Staff.TEAM_LEAD), Staff.email(Staff.MANAGER));

    at(OPENED.plusDays(3));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).as("each step once").hasSize(2);
  }

  @Test
  void severalNodesScanningAtOnceTakeEachStepOnce() throws Exception {
    Case opened = open();
    at(OPENED.plusDays(1));

    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> scans = new ArrayList<>();
      for (int node = 0; node < 4; node++) {
        scans.add(() -> {
          ClockUtil.setCurrentTime(date(OPENED.plusDays(1)));
          return scanner.scan();
        });
      }
      int taken = 0;
      for (Future<Integer> scan : nodes.invokeAll(scans)) {
        taken += scan.get();
      }
      assertThat(taken).as("the reminder and the first escalation, each taken by one node").isEqualTo(2);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).hasSize(1);
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).hasSize(1);
  }

  @Test
  void whileTheClientOwesInputTheClockStandsStillAndTheClientIsRemindedInTheirLanguage() {
    Case opened = open();
    Task kickoff = task(opened.getKey());
    at(OPENED.withHour(11));

    waits.waitFor(opened.getKey(), "Моля, изпратете логото в SVG.");
    assertThat(clientReminders(opened)).hasSize(1);
    assertThat(clientReminders(opened).get(0).getBodyText()).contains("Моля, изпратете логото в SVG.");
    assertThat(clientReminders(opened).get(0).getLanguage()).isEqualTo("bg");

    at(LocalDateTime.of(2027, 2, 3, 11, 0));
    scanner.scan();
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_REMINDER.id())).as("no staff reminder while waiting").isEmpty();
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).as("no escalation while waiting").isEmpty();
    assertThat(clientReminders(opened)).as("the client, two working days later, once").hasSize(2);

    at(LocalDateTime.of(2027, 2, 4, 11, 0));
    ClientWaits.Resumed resumed = waits.inputReceived(opened.getKey());
    assertThat(resumed.pausedFor()).as("Monday 11:00 to Thursday 11:00").isEqualTo(java.time.Duration.ofHours(24));
    assertThat(task(opened.getKey()).getDueDate()).as("Tuesday 10:00 moved by three working days")
        .isEqualTo(date(LocalDateTime.of(2027, 2, 5, 10, 0)));

    at(LocalDateTime.of(2027, 2, 5, 9, 59));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).isEmpty();
    at(LocalDateTime.of(2027, 2, 5, 10, 0));
    scanner.scan();
    assertThat(sent(opened, NotificationTemplate.TASK_ESCALATED.id())).containsExactly(Staff.email(Staff.TEAM_LEAD));
    assertThat(kickoff.getId()).isEqualTo(task(opened.getKey()).getId());
  }

  @Test
  void aCaseThatIsNotWaitingCannotBeResumedAndOneThatIsCannotWaitTwice() {
    Case opened = open();
    assertThatThrownBy(() -> waits.inputReceived(opened.getKey()))
        .hasMessageContaining("is not waiting for the client");
    waits.waitFor(opened.getKey(), "The logo, please.");
    assertThatThrownBy(() -> waits.waitFor(opened.getKey(), "Again?"))
        .hasMessageContaining("has been waiting for the client since");
  }

  // ------------------------------------------------------------------ helpers

  private List<Notification> clientReminders(Case opened) {
    return notifications.list(null, opened.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.CLIENT && n.getTemplate().equals(NotificationTemplate.CLIENT_INPUT_REMINDER.id()))
        .toList();
  }

  private Case open() {
    return cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Rila Digital OOD",
        "sla-" + UUID.randomUUID() + "@rila.example", Language.BG, SOFIA, "website-build", Tier.STANDARD,
        LocalDate.of(2027, 4, 1))).theCase();
  }

  private Task task(String caseKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseKey).singleResult();
  }

  private void complete(String caseKey) {
    Task task = task(caseKey);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(TASK_KICKOFF);
    taskService.complete(task.getId(), Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "Done."));
    assertThat(task(caseKey).getTaskDefinitionKey()).isEqualTo(TASK_INTAKE);
  }

  /** Recipients of the staff messages of one template about the case's Kickoff, in order. */
  private List<String> sent(Case opened, String template) {
    return notifications.list(null, opened.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.STAFF && n.getTemplate().equals(template))
        .map(Notification::getRecipient)
        .toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private static void at(LocalDateTime sofiaTime) {
    ClockUtil.setCurrentTime(date(sofiaTime));
  }

  private static Date date(LocalDateTime sofiaTime) {
    return Date.from(sofiaTime.atZone(SOFIA).toInstant());
  }
}
