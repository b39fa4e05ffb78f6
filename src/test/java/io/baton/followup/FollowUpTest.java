package io.baton.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.notification.Audience;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Staff;
import io.baton.testing.Walk;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/** After delivery: the survey the next working day, its private page, and the renewal reminder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class FollowUpTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia. */
  private static final LocalDateTime DELIVERED = LocalDateTime.of(2027, 2, 1, 10, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_follow_ups");
    IntegrationSettings.register(registry);
    registry.add("baton.follow-ups.survey-link-valid-for", () -> "P14D");
    registry.add("baton.follow-ups.survey-answer-changeable-for", () -> "PT10M");
  }

  @Autowired CaseService cases;
  @Autowired FollowUps followUps;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired NotificationService notifications;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void setUp() {
    Staff.ensure(identityService);
    at(DELIVERED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theClientIsAskedTheNextWorkingDayAndTheirAnswerIsStoredOnTheCase() {
    Case delivered = deliver(null);

    at(DELIVERED.plusDays(1).minusMinutes(1));
    assertThat(followUps.sendDue()).isZero();
    at(DELIVERED.plusDays(1));
    assertThat(followUps.sendDue()).isEqualTo(1);
    assertThat(followUps.sendDue()).as("once").isZero();

    List<Notification> surveys = toClient(delivered, NotificationTemplate.SATISFACTION_SURVEY.id());
    assertThat(surveys).hasSize(1);
    assertThat(surveys.get(0).getLanguage()).isEqualTo("bg");
    String link = surveys.get(0).getBodyText().replaceAll("(?s).*(" + FollowUps.SURVEY_PATH + "[A-Za-z0-9_-]+).*", "$1");
    assertThat(link).startsWith(FollowUps.SURVEY_PATH);

    ResponseEntity<String> page = http.getForEntity(link, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("lang=\"bg\"", "Как се справихме?", delivered.getKey(), "Рила Дигитал ООД")
        .doesNotContain("Task_", "@staff.baton.test", delivered.getExternalReference());

    assertThat(post(link, Map.of("score", "9")).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> thanks = post(link, Map.of("score", "5", "comment", "Бързо и ясно."));
    assertThat(thanks.getStatusCode().value()).isEqualTo(200);
    assertThat(thanks.getBody()).contains("Благодарим Ви!");

    Api.Response answer = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .get("/api/cases/" + delivered.getKey() + "/survey");
    assertThat(answer.body().get("score").asInt()).isEqualTo(5);
    assertThat(answer.body().get("comment").asText()).isEqualTo("Бързо и ясно.");
    assertThat(http.getForEntity(FollowUps.SURVEY_PATH + "not-a-link", String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aSurveyLinkExpiresAfterTwoWeeksWithAPageInTheClientsLanguage() {
    Case delivered = deliver(null);
    at(DELIVERED.plusDays(1));
    followUps.sendDue();
    String link = surveyLink(delivered);

    at(DELIVERED.plusDays(15).minusMinutes(1));
    assertThat(http.getForEntity(link, String.class).getStatusCode().value()).isEqualTo(200);

    at(DELIVERED.plusDays(15));
    ResponseEntity<String> expired = http.getForEntity(link, String.class);
    assertThat(expired.getStatusCode().value()).isEqualTo(410);
    assertThat(expired.getBody()).contains("lang=\"bg\"", "Срокът на този линк за анкетата изтече", delivered.getKey())
        .doesNotContain("<form");
    ResponseEntity<String> late = post(link, Map.of("score", "4"));
    assertThat(late.getStatusCode().value()).isEqualTo(410);
    assertThat(late.getBody()).contains("Срокът на този линк за анкетата изтече");
    assertThat(followUps.answerOf(delivered.getKey())).as("an expired link takes no answer").isEmpty();
  }

  @Test
  void aSurveyTakesOneAnswerWhichTheClientMayCorrectForTenMinutesAndNotAfter() {
    Case delivered = deliver(null);
    at(DELIVERED.plusDays(1));
    followUps.sendDue();
    String link = surveyLink(delivered);
    LocalDateTime answered = DELIVERED.plusDays(1).plusHours(2);

    at(answered);
    assertThat(post(link, Map.of("score", "2")).getStatusCode().value()).isEqualTo(200);
    at(answered.plusMinutes(9));
    assertThat(http.getForEntity(link, String.class).getBody())
        .contains("Вече отговорихте на тази анкета. Ако я изпратите отново, отговорът Ви ще бъде променен.", "<form");
    assertThat(post(link, Map.of("score", "4", "comment", "Натиснах грешната оценка.")).getStatusCode().value())
        .isEqualTo(200);

    at(answered.plusMinutes(10));
    ResponseEntity<String> third = post(link, Map.of("score", "1"));
    assertThat(third.getStatusCode().value()).isEqualTo(409);
    assertThat(third.getBody()).contains("lang=\"bg\"",
        "Вече отговорихте на тази анкета и отговорът Ви не може да бъде променян.");
    assertThat(http.getForEntity(link, String.class).getBody()).contains("не може да бъде променян")
        .doesNotContain("<form");
    FollowUps.Answer kept = followUps.answerOf(delivered.getKey()).orElseThrow();
    assertThat(kept.score()).isEqualTo(4);
    assertThat(kept.comment()).isEqualTo("Натиснах грешната оценка.");
  }

  private String surveyLink(Case delivered) {
    List<Notification> surveys = toClient(delivered, NotificationTemplate.SATISFACTION_SURVEY.id());
    assertThat(surveys).hasSize(1);
    return surveys.get(0).getBodyText().replaceAll("(?s).*(" + FollowUps.SURVEY_PATH + "[A-Za-z0-9_-]+).*", "$1");
  }

  @Test
  void theAccountManagersAreRemindedOfTheRenewalBeforeTheContractEnds() {
    Case delivered = deliver(LocalDate.of(2027, 12, 31));

    at(LocalDateTime.of(2027, 12, 1, 8, 59));
    followUps.sendDue();
    assertThat(toStaff(delivered)).isEmpty();
    at(LocalDateTime.of(2027, 12, 1, 9, 0));
    followUps.sendDue();
    followUps.sendDue();

    List<Notification> reminders = toStaff(delivered);
    assertThat(reminders).extracting(Notification::getRecipient).containsExactly(Staff.email(Staff.ACCOUNT_MANAGER));
    assertThat(reminders.get(0).getSubject()).contains("December 31, 2027");
  }

  private Case deliver(LocalDate contractEnd) {
    Case opened = cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Рила Дигитал ООД",
        "survey-" + UUID.randomUUID() + "@rila.example", Language.BG, SOFIA, "website-build", Tier.STANDARD,
        LocalDate.of(2027, 3, 31), true, null, null, contractEnd)).theCase();
    Walk.toDelivery(taskService, opened.getKey());
    return cases.get(opened.getKey());
  }


  private ResponseEntity<String> post(String path, Map<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private List<Notification> toClient(Case theCase, String template) {
    return notifications.list(null, theCase.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.CLIENT && n.getTemplate().equals(template)).toList();
  }

  private List<Notification> toStaff(Case theCase) {
    return notifications.list(null, theCase.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.STAFF && n.getTemplate().equals(NotificationTemplate.RENEWAL_REMINDER.id()))
        .toList();
  }

  private static void at(LocalDateTime sofiaTime) {
    Walk.at(SOFIA, sofiaTime);
  }
}
