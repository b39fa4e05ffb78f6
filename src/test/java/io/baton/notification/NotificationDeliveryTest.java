package io.baton.notification;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.handoff.Handoff;
import io.baton.handoff.HandoffKind;
import io.baton.handoff.HandoffService;
import io.baton.security.Groups;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handoffs and client notifications on PostgreSQL, with a real SMTP server (GreenMail) and a real
 * HTTP receiver for webhooks: every message arrives once, in the client's language, and none is
 * lost when a server is down. Delivery runs when the test runs it; time moves on the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class NotificationDeliveryTest {

  private static final Smtp smtp = new Smtp();
  private static final WebhookReceiver webhooks = WebhookReceiver.start();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_notifications");
    IntegrationSettings.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
  }

  @Autowired CaseService cases;
  @Autowired HandoffService handoffs;
  @Autowired NotificationService notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationRepository outbox;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired TestRestTemplate http;

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopServers() {
    smtp.stop();
    webhooks.close();
  }

  @BeforeEach
  void freshClockAndStaff() {
    ClockUtil.reset();
    Staff.ensure(identityService);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReferenceCaseLeavesOneRecordPerHandoffAndOneClientMessageEachInTheClientsLanguage() throws Exception {
    String email = unique("ivana") + "@rila.example";
    Case opened = open(email, Language.BG, true, null, null);

    walkToTheEnd(opened.getKey());

    List<Handoff> timeline = new ArrayList<>(handoffs.timeline(opened.getKey()));
    java.util.Collections.reverse(timeline);
    assertThat(timeline).extracting(Handoff::getKind, Handoff::getFromStage, Handoff::getToStage)
        .containsExactly(
            tuple(HandoffKind.HANDOFF, TASK_KICKOFF, TASK_INTAKE),
            tuple(HandoffKind.HANDOFF, TASK_INTAKE, TASK_DELIVERY),
            tuple(HandoffKind.HANDOFF, TASK_DELIVERY, TASK_QUALITY_REVIEW),
            tuple(HandoffKind.SEND_BACK, TASK_QUALITY_REVIEW, TASK_DELIVERY),
            tuple(HandoffKind.HANDOFF, TASK_DELIVERY, TASK_QUALITY_REVIEW),
            tuple(HandoffKind.HANDOFF, TASK_QUALITY_REVIEW, TASK_HANDOVER),
            tuple(HandoffKind.HANDOFF, TASK_HANDOVER, TASK_CHECK_IN));
    Handoff sentBack = timeline.get(3);
    assertThat(sentBack.getReason()).isEqualTo("Формата за контакт не изпраща.");
    assertThat(sentBack.getFromUser()).isEqualTo(Staff.QA);
    assertThat(timeline.get(0).getNote()).isEqualTo("Обхватът е потвърден с Ивана.");
    assertThat(timeline.get(0).getOpenQuestions()).isEqualTo("Logo in SVG?");

    List<Notification> toClient = notifications.list(null, opened.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.CLIENT).toList();
    long forwardHandoffs = timeline.stream().filter(h -> h.getKind() == HandoffKind.HANDOFF).count();
    assertThat(toClient).extracting(Notification::getTemplate)
        .containsExactly("case-opened", "handoff", "handoff", "handoff", "handoff", "handoff", "handoff");
    assertThat(toClient.stream().filter(n -> n.getTemplate().equals("handoff")).count()).isEqualTo(forwardHandoffs);
    assertThat(toClient).allSatisfy(n -> {
      assertThat(n.getLanguage()).isEqualTo("bg");
      assertThat(n.getChannel()).isEqualTo(Channel.EMAIL);
      assertThat(n.getRecipient()).isEqualTo(email);
    });
    assertThat(notifications.list(null, opened.getKey())).filteredOn(n -> n.getAudience() == Audience.STAFF)
        .extracting(Notification::getTemplate, Notification::getRecipient)
        .containsExactly(tuple("work-sent-back", Staff.email(Staff.DEVELOPER)));

    dispatcher.dispatchDue();

    List<MimeMessage> mails = smtp.to(email);
    assertThat(mails).hasSize(7);
    assertThat(mails).extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrderElementsOf(toClient.stream().map(Notification::getSubject).toList())
        .allSatisfy(subject -> assertThat(subject).containsPattern("\\p{IsCyrillic}"));
    assertThat(notifications.list(null, opened.getKey())).allSatisfy(n ->
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT));
  }

  @Test
  void theNextTeamSeesTheWholeTimelineInItsForm() {
    Case opened = open(unique("t") + "@rila.example", Language.EN, true, null, null);
    complete(opened.getKey(), TASK_KICKOFF, Staff.ACCOUNT_MANAGER, Map.of(Variables.SCOPE_CONFIRMED, true,
        Variables.KICKOFF_NOTE, "Scope agreed.", Variables.KICKOFF_OPEN_QUESTIONS, "Which CMS?"));
    complete(opened.getKey(), TASK_INTAKE, Staff.DELIVERY_LEAD,
        Map.of(Variables.INTAKE_READY, false, Variables.INTAKE_NOTE, "The budget owner is missing."));

    Task kickoffAgain = task(opened.getKey());
    assertThat(kickoffAgain.getTaskDefinitionKey()).isEqualTo(TASK_KICKOFF);
    String timeline = (String) taskService.getVariable(kickoffAgain.getId(), Variables.CASE_TIMELINE);
    assertThat(timeline.indexOf("Intake sent back to Kickoff"))
        .as("newest first").isLessThan(timeline.indexOf("Kickoff → Intake")).isNotNegative();
    assertThat(timeline).contains("Reason: The budget owner is missing.", "Note: Scope agreed.",
        "Open questions: Which CMS?", Staff.DELIVERY_LEAD + " (" + Groups.DELIVERY_LEADS + ")");

    JsonNode caseView = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD).get("/api/cases/" + opened.getKey()).body();
    assertThat(caseView.at("/sendBacks/" + TASK_INTAKE).asLong()).isEqualTo(1);
    JsonNode report = Api.as(http, Staff.MANAGER, Staff.PASSWORD).get("/api/reports/send-backs").body();
    assertThat(report.get(TASK_INTAKE).asLong()).isPositive();
    JsonNode apiTimeline = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD)
        .get("/api/cases/" + opened.getKey() + "/timeline").body();
    assertThat(apiTimeline.get(0).get("kind").asText()).isEqualTo("SEND_BACK");
    assertThat(apiTimeline.get(0).get("reason").asText()).isEqualTo("The budget owner is missing.");
  }

  @Test
  void subjectsAndBodiesArriveIntactInAllSixLanguages() throws Exception {
    Map<Language, String> names = Map.of(
        Language.EN, "Northwind Ltd", Language.BG, "Рила Дигитал ООД", Language.KK, "Алатау Сервис ЖШС",
        Language.TR, "Boğaziçi Lojistik A.Ş.", Language.FI, "Säimaan Työt Oy", Language.AR, "شركة الأطلس للخدمات");
    Map<Language, String> emails = new java.util.EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String email = unique(language.code()) + "@client.example";
      emails.put(language, email);
      cases.open(new OpenCase(unique("crm"), names.get(language), email, language, ZoneId.of("Europe/Helsinki"),
          "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(6)));
    }

    dispatcher.dispatchDue();

    for (Language language : Language.values()) {
      List<MimeMessage> mails = smtp.to(emails.get(language));
      assertThat(mails).as(language.code()).hasSize(1);
      MimeMessage mail = mails.get(0);
      Notification stored = outbox.findAll().stream()
          .filter(n -> n.getRecipient().equals(emails.get(language))).findFirst().orElseThrow();
      assertThat(mail.getSubject()).isEqualTo(stored.getSubject());
      Multipart alternatives = alternatives(mail);
      String text = ((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n");
      String html = (String) alternatives.getBodyPart(1).getContent();
      assertThat(alternatives.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
      assertThat(text).isEqualTo(stored.getBodyText()).contains(names.get(language));
      assertThat(html).contains("lang=\"" + language.code() + "\"")
          .contains(language == Language.AR ? "dir=\"rtl\"" : "dir=\"ltr\"");
      assertThat(mail.getHeader(EmailSender.EVENT_ID_HEADER)[0]).isEqualTo(stored.getEventId());
    }
  }

  @Test
  void aSignedWebhookIsRetriedAfterA500AndNotRepeatedAfterA200() throws Exception {
    String path = "/hooks/" + unique("client");
    String secret = "whsec_" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    webhooks.answer(path, 500, 200);
    Case opened = open(unique("hook") + "@client.example", Language.TR, false, webhooks.url(path), secret);

    dispatcher.dispatchDue();
    Notification afterFirst = only(opened.getKey());
    assertThat(afterFirst.getChannel()).isEqualTo(Channel.WEBHOOK);
    assertThat(afterFirst.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(afterFirst.getAttempts()).isEqualTo(1);
    assertThat(afterFirst.getLastError()).contains("500");

    dispatcher.dispatchDue();
    assertThat(webhooks.received(path)).as("not due again yet").hasSize(1);

    moveClock(Duration.ofMinutes(1));
    dispatcher.dispatchDue();
    assertThat(only(opened.getKey()).getStatus()).isEqualTo(NotificationStatus.SENT);

    moveClock(Duration.ofHours(2));
    dispatcher.dispatchDue();
    List<WebhookReceiver.Received> received = webhooks.received(path);
    assertThat(received).as("no repeat after the 200").hasSize(2);
    assertThat(received).extracting(r -> r.headers().get("webhook-id"))
        .containsOnly(afterFirst.getEventId());
    for (WebhookReceiver.Received request : received) {
      String expected = "v1," + hmac(secret, request.headers().get("webhook-id") + "."
          + request.headers().get("webhook-timestamp") + "." + request.body());
      assertThat(request.headers().get("webhook-signature")).isEqualTo(expected);
    }
    JsonNode event = new ObjectMapper().readTree(received.get(1).body());
    assertThat(event.get("type").asText()).isEqualTo("case.case-opened");
    assertThat(event.at("/data/caseKey").asText()).isEqualTo(opened.getKey());
    assertThat(event.at("/data/language").asText()).isEqualTo("tr");
    assertThat(smtp.to(opened.getClient().getEmail())).as("the client opted out of e-mail").isEmpty();
  }

  @Test
  void aMailServerDownForTenMinutesDelaysMailButLosesNone() throws Exception {
    String email = unique("patient") + "@client.example";
    smtp.stop();
    try {
      Case opened = open(email, Language.FI, true, null, null);
      for (int minute = 0; minute <= 10; minute++) {
        dispatcher.dispatchDue();
        moveClock(Duration.ofMinutes(1));
      }
      Notification waiting = only(opened.getKey());
      assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
      assertThat(waiting.getAttempts()).isGreaterThanOrEqualTo(3);
    } finally {
      smtp.start();
    }
    moveClock(Duration.ofMinutes(30));
    dispatcher.dispatchDue();

    assertThat(smtp.to(email)).hasSize(1);
  }

  @Test
  void afterTheLastAttemptANotificationIsAVisibleFailureThatAnOperatorRetries() {
    String path = "/hooks/" + unique("down");
    webhooks.answer(path, 503);
    Case opened = open(unique("failing") + "@client.example", Language.EN, false, webhooks.url(path),
        "a-webhook-secret-of-some-length");
    for (int attempt = 0; attempt < 12; attempt++) {
      dispatcher.dispatchDue();
      moveClock(Duration.ofHours(1));
    }
    Notification failed = only(opened.getKey());
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(10);
    assertThat(webhooks.received(path)).hasSize(10);

    Api operator = Api.as(http, Staff.MANAGER, Staff.PASSWORD);
    JsonNode listed = operator.get("/api/notifications?status=FAILED&caseKey=" + opened.getKey()).body();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("lastError").asText()).contains("503");
    assertThat(Api.as(http, Staff.DEVELOPER, Staff.PASSWORD)
        .post("/api/notifications/" + failed.getId() + "/retry", Map.of()).status()).isEqualTo(403);

    webhooks.answer(path, 200);
    Api.Response retried = operator.post("/api/notifications/" + failed.getId() + "/retry", Map.of());
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.body().get("status").asText()).isEqualTo("PENDING");
    dispatcher.dispatchDue();

    assertThat(only(opened.getKey()).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(operator.post("/api/notifications/" + failed.getId() + "/retry", Map.of()).status())
        .as("a sent notification is not sent again").isEqualTo(409);
  }

  @Test
  void aRetriedStepNeverWritesASecondNotificationAndARolledBackStepWritesNone() {
    Case opened = open(unique("retry") + "@client.example", Language.KK, true, null, null);
    long before = notifications.list(null, opened.getKey()).size();

    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      notifications.notifyClient(opened.getKey(), "handoff", EnumSet.of(Channel.EMAIL), "step-1");
      throw new IllegalStateException("the process step fails after notifying");
    })).hasMessageContaining("fails");
    assertThat(notifications.list(null, opened.getKey())).hasSize((int) before);

    assertThat(notifications.notifyClient(opened.getKey(), "handoff", EnumSet.of(Channel.EMAIL), "step-1")).hasSize(1);
    assertThat(notifications.notifyClient(opened.getKey(), "handoff", EnumSet.of(Channel.EMAIL), "step-1")).isEmpty();
    assertThat(notifications.list(null, opened.getKey())).hasSize((int) before + 1);
  }

  // ------------------------------------------------------------------ helpers

  private Case open(String email, Language language, boolean emailEnabled, String webhookUrl, String secret) {
    return cases.open(new OpenCase(unique("crm"), "Client " + email, email, language, ZoneId.of("Europe/Sofia"),
        "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(8), emailEnabled, webhookUrl, secret)).theCase();
  }

  private void walkToTheEnd(String key) {
    complete(key, TASK_KICKOFF, Staff.ACCOUNT_MANAGER, Map.of(Variables.SCOPE_CONFIRMED, true,
        Variables.KICKOFF_NOTE, "Обхватът е потвърден с Ивана.", Variables.KICKOFF_OPEN_QUESTIONS, "Logo in SVG?"));
    complete(key, TASK_INTAKE, Staff.DELIVERY_LEAD, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "Два спринта."));
    complete(key, TASK_DELIVERY, Staff.DEVELOPER, Map.of(Variables.DELIVERY_NOTE, "Сайтът е готов."));
    complete(key, TASK_QUALITY_REVIEW, Staff.QA,
        Map.of(Variables.QA_APPROVED, false, Variables.QA_NOTE, "Формата за контакт не изпраща."));
    complete(key, TASK_DELIVERY, Staff.DEVELOPER, Map.of(Variables.DELIVERY_NOTE, "Поправено."));
    complete(key, TASK_QUALITY_REVIEW, Staff.QA, Map.of(Variables.QA_APPROVED, true, Variables.QA_NOTE, "Всичко е наред."));
    complete(key, TASK_HANDOVER, Staff.ACCOUNT_MANAGER, Map.of(Variables.CLIENT_ACCEPTED, true));
    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
        .timers().singleResult().getId());
    complete(key, TASK_CHECK_IN, Staff.ACCOUNT_MANAGER, Map.of(Variables.CHECK_IN_NOTE, "Доволни са."));
  }

  /** Completes the case's open task as a member of its team would, logged in. */
  private void complete(String key, String stage, String user, Map<String, Object> variables) {
    Task task = task(key);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(stage);
    identityService.setAuthentication(user, List.of(Staff.GROUP_OF.get(user)));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  private Notification only(String caseKey) {
    List<Notification> all = notifications.list(null, caseKey);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static Multipart alternatives(MimeMessage mail) throws Exception {
    Multipart mixed = (Multipart) mail.getContent();
    Object first = mixed.getBodyPart(0).getContent();
    if (first instanceof Multipart related && related.getBodyPart(0).getContent() instanceof Multipart alt) {
      return alt;
    }
    return first instanceof Multipart alt ? alt : mixed;
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

}
