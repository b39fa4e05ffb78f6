package io.baton.sla;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Case;
import io.baton.cases.CasePromises;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.PromiseEvent;
import io.baton.cases.PromiseKind;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.notification.Audience;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Staff;
import io.baton.testing.Walk;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Proactive delay notices on PostgreSQL, on the engine clock. A standard website build needs
 * 8 + 8 + 80 + 16 + 8 = 120 business hours (15 working days) by its SLA targets until Handover.
 *
 * <p>Each test opens its own cases and sets the clock itself, so that they pass in any order. The
 * forecast learns from the finished stages of the same service and tier: the test of that learning
 * works on premium cases, which no other test here opens, and the standard cases of the other tests
 * finish fewer stages than the forecast needs to learn from.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class DelayNoticeTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia. */
  private static final LocalDateTime OPENED = LocalDateTime.of(2027, 2, 1, 10, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_delays");
    IntegrationSettings.register(registry);
  }

  @Autowired CaseService cases;
  @Autowired CasePromises promises;
  @Autowired Forecaster forecaster;
  @Autowired SlaScanner scanner;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired NotificationService notifications;

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
  void aCaseOpenedWithARealisticPromiseGetsAForecastAndNoNotice() {
    Case opened = open(LocalDate.of(2027, 3, 15));

    assertThat(cases.get(opened.getKey()).getForecastDate()).as("15 working days from Monday 1 February 10:00")
        .isEqualTo(LocalDate.of(2027, 2, 22));
    assertThat(delayNotices(opened)).isEmpty();
  }

  @Test
  void aSlipIsAnnouncedToTheClientBeforeThePromiseBreaksOncePerNewDate() {
    Case opened = open(LocalDate.of(2027, 3, 15));

    // Kickoff is still open four weeks later: the remaining 112 business hours no longer fit.
    at(LocalDateTime.of(2027, 3, 1, 10, 0));
    scanner.scan();

    List<Notification> notices = delayNotices(opened);
    assertThat(notices).hasSize(1);
    Case moved = cases.get(opened.getKey());
    LocalDate firstSlip = moved.getForecastDate();
    assertThat(firstSlip).isAfter(LocalDate.of(2027, 3, 15));
    assertThat(moved.getPromisedDate()).as("the promise moves to the forecast").isEqualTo(firstSlip);
    Notification notice = notices.get(0);
    assertThat(notice.getLanguage()).isEqualTo("bg");
    assertThat(notice.getBodyText())
        .contains(NotificationService.formatDate(firstSlip, Language.BG))
        .contains(NotificationService.formatDate(LocalDate.of(2027, 3, 15), Language.BG));
    assertThat(staffTold(opened)).containsExactly(Staff.email(Staff.ACCOUNT_MANAGER));

    at(LocalDateTime.of(2027, 3, 1, 10, 30));
    scanner.scan();
    assertThat(delayNotices(opened)).as("not again for the same date").hasSize(1);

    at(LocalDateTime.of(2027, 3, 4, 10, 0));
    scanner.scan();
    assertThat(delayNotices(opened)).as("a new slip is a new notice").hasSize(2);
    LocalDate secondSlip = cases.get(opened.getKey()).getForecastDate();
    assertThat(secondSlip).isAfter(firstSlip);
    assertThat(delayNotices(opened).get(1).getBodyText()).contains(NotificationService.formatDate(secondSlip, Language.BG));

    walkToDelivery(opened.getKey());
    assertThat(promises.history(opened.getKey())).extracting(PromiseEvent::getKind, PromiseEvent::getPromisedDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PromiseKind.MADE, LocalDate.of(2027, 3, 15)),
            org.assertj.core.groups.Tuple.tuple(PromiseKind.CHANGED, firstSlip),
            org.assertj.core.groups.Tuple.tuple(PromiseKind.CHANGED, secondSlip),
            org.assertj.core.groups.Tuple.tuple(PromiseKind.KEPT, secondSlip));
  }

  @Test
  void aPromiseDeliveredLateIsRecordedAsBroken() {
    Case opened = open(LocalDate.of(2027, 3, 15));
    Walk.toHandover(taskService, opened.getKey());
    // Handover starts in good time, then nobody looks at the case until after the promised date.
    at(LocalDateTime.of(2027, 3, 22, 10, 0));
    complete(opened.getKey(), TASK_HANDOVER, Map.of(Variables.CLIENT_ACCEPTED, true));

    List<PromiseEvent> history = promises.history(opened.getKey());
    assertThat(history.get(history.size() - 1).getKind()).isEqualTo(PromiseKind.BROKEN);
  }

  @Test
  void theForecastLearnsHowLongStagesReallyTake() {
    for (int i = 0; i < Forecaster.MIN_SAMPLES; i++) {
      Case done = open(LocalDate.of(2027, 6, 30), Tier.PREMIUM);
      complete(done.getKey(), TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
      complete(done.getKey(), TASK_INTAKE, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "ok"));
      at(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2)).atZone(SOFIA).toLocalDateTime());
      complete(done.getKey(), TASK_DELIVERY, Map.of(Variables.DELIVERY_NOTE, "quick"));
    }
    Case next = open(LocalDate.of(2027, 6, 30), Tier.PREMIUM);

    Duration delivery = forecaster.expected(next, TASK_DELIVERY);

    assertThat(delivery).as("the 80th percentile of what Delivery took, not its 56 h target")
        .isLessThanOrEqualTo(Duration.ofHours(2));
  }

  // ------------------------------------------------------------------ helpers

  private Case open(LocalDate promised) {
    return open(promised, Tier.STANDARD);
  }

  /** A case of a client of its own. */
  private Case open(LocalDate promised, Tier tier) {
    return cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Рила Дигитал ООД",
        "delay-" + UUID.randomUUID() + "@rila.example", Language.BG, SOFIA, "website-build", tier,
        promised)).theCase();
  }

  private void walkToDelivery(String key) {
    Walk.toDelivery(taskService, key);
  }

  private void complete(String key, String stage, Map<String, Object> variables) {
    Walk.complete(taskService, key, stage, variables);
  }

  private List<Notification> delayNotices(Case theCase) {
    return notifications.list(null, theCase.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.CLIENT && n.getTemplate().equals(NotificationTemplate.DELAY_NOTICE.id()))
        .toList();
  }

  private List<String> staffTold(Case theCase) {
    return notifications.list(null, theCase.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.STAFF && n.getTemplate().equals(NotificationTemplate.DELAY_FORECAST.id()))
        .map(Notification::getRecipient)
        .toList();
  }

  private static void at(LocalDateTime sofiaTime) {
    Walk.at(SOFIA, sofiaTime);
  }
}
