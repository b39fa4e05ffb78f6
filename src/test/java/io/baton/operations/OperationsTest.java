package io.baton.operations;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.followup.FollowUps;
import io.baton.notification.NotificationDispatcher;
import io.baton.security.Groups;
import io.baton.sla.SlaScanner;
import io.baton.system.CaseContext;
import io.baton.testing.Api;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Prometheus;
import io.baton.testing.Smtp;
import io.baton.testing.Staff;
import io.baton.testing.Walk;
import io.baton.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator sees of a case walked from opening to its survey on PostgreSQL, with a real SMTP
 * server and a webhook receiver, on the engine clock: the metrics the monitoring group scrapes,
 * the health of mail and the outbox, and the story in the logs, without a client's address or a
 * secret in them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@AutoConfigureObservability
class OperationsTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia: no public holiday that week. */
  private static final LocalDateTime OPENED = LocalDateTime.of(2027, 2, 1, 10, 0);
  private static final String MONITOR = "t-prometheus";
  private static final Path DASHBOARD = Path.of("docker/grafana/baton-dashboard.json");

  private static final Smtp smtp = new Smtp();
  private static final WebhookReceiver webhooks = WebhookReceiver.start();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_operations");
    IntegrationSettings.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
    registry.add("baton.operations.backlog-cache-for", () -> "PT0S");
    registry.add("baton.operations.mail-health-timeout", () -> "PT1S");
  }

  @Autowired CaseService cases;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired SlaScanner scanner;
  @Autowired FollowUps followUps;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  /** What one walk did, for the assertions. */
  record Walked(String key, String email, String secret, int scans, int dispatched) {}

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
  void staffAndClock() {
    Staff.ensure(identityService);
    if (identityService.createUserQuery().userId(MONITOR).count() == 0) {
      User user = identityService.newUser(MONITOR);
      user.setPassword(Staff.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(MONITOR, Groups.MONITORING);
    }
    Walk.at(SOFIA, OPENED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWalkedCaseShowsUpInTheMetricsTheMonitoringGroupScrapes() throws Exception {
    Prometheus before = scrape();

    Walked walked = walkThroughEverything();

    Prometheus after = scrape();
    for (String channel : List.of("EMAIL", "WEBHOOK")) {
      long sent = jdbc.queryForObject("select count(*) from notification where status = 'SENT' and channel = ?",
          Long.class, channel);
      assertThat(after.sum("baton_notifications_delivered_total", "channel", channel.toLowerCase()))
          .as("deliveries by %s: the sent notifications in the outbox", channel).isEqualTo(sent);
      assertThat(after.sum("baton_notifications_latency_seconds_count", "channel", channel.toLowerCase()))
          .as("one latency per delivery").isEqualTo(sent);
    }
    assertThat(delta(before, after, "baton_notifications_failed_total", "channel", "webhook", "final", "false"))
        .as("the webhook's first answer was a 500").isEqualTo(1);
    long webhooksOfTheCase = jdbc.queryForObject(
        "select count(*) from notification where channel = 'WEBHOOK' and status = 'SENT' and case_key = ?",
        Long.class, walked.key());
    assertThat(delta(before, after, "baton_notifications_send_seconds_count", "channel", "webhook"))
        .as("one attempt per webhook, and the one that failed").isEqualTo(webhooksOfTheCase + 1);
    for (String status : List.of("PENDING", "SENDING", "FAILED", "HELD")) {
      long waiting = jdbc.queryForObject("select count(*) from notification where status = ?", Long.class, status);
      assertThat(after.sum("baton_notifications_backlog", "status", status.toLowerCase()))
          .as("backlog %s", status).isEqualTo(waiting);
    }
    assertThat(after.has("baton_notifications_oldest_pending_age_seconds")).isTrue();

    assertThat(delta(before, after, "baton_sla_breaches_total", "stage", TASK_KICKOFF))
        .as("Kickoff passed its due date once").isEqualTo(1);
    assertThat(delta(before, after, "baton_sla_escalations_total", "stage", TASK_KICKOFF, "level", "1")).isEqualTo(1);
    assertThat(delta(before, after, "baton_sla_reminders_total", "stage", TASK_KICKOFF)).isEqualTo(1);
    assertThat(delta(before, after, "baton_sla_client_reminders_total", "stage", TASK_KICKOFF)).isEqualTo(1);
    long delayNotices = jdbc.queryForObject(
        "select count(*) from promise_event where kind = 'CHANGED' and case_key = ?", Long.class, walked.key());
    assertThat(delayNotices).as("the promise was too early from the start").isPositive();
    assertThat(delta(before, after, "baton_delay_notices_total")).isEqualTo(delayNotices);
    assertThat(delta(before, after, "baton_followups_sent_total", "kind", "survey")).isEqualTo(1);
    assertThat(delta(before, after, "baton_cases_delivered_total")).isEqualTo(1);

    assertThat(delta(before, after, "baton_forecast_error_days_count", "against", "promise")).isEqualTo(1);
    assertThat(delta(before, after, "baton_forecast_error_days_count", "against", "forecast")).isEqualTo(1);

    assertThat(delta(before, after, "baton_scan_seconds_count", "scan", "sla")).isEqualTo(walked.scans());
    assertThat(delta(before, after, "baton_scan_items_total", "scan", "dispatch")).isEqualTo(walked.dispatched());
    assertThat(delta(before, after, "baton_scan_seconds_count", "scan", "follow-ups")).isEqualTo(1);

    Set<String> missing = new TreeSet<>(dashboardMetrics());
    missing.removeAll(after.names());
    assertThat(missing).as("every metric the Grafana dashboard queries is one Baton exposes").isEmpty();
  }

  @Test
  void theDashboardIsValidJsonAndQueriesBatonsMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(dashboardMetrics()).contains("baton_notifications_backlog",
        "baton_notifications_oldest_pending_age_seconds", "baton_notifications_delivered_total",
        "baton_notifications_failed_total", "baton_notifications_latency_seconds_bucket", "baton_sla_breaches_total",
        "baton_sla_reminders_total", "baton_sla_escalations_total", "baton_delay_notices_total",
        "baton_scan_seconds_sum", "baton_forecast_error_days_sum");
  }

  @Test
  void metricsAreForMonitoringAndAdministratorsOnlyAndOtherActuatorPathsAreClosed() {
    Api.Response anonymous = Api.anonymous(http).get("/actuator/prometheus");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().getContentType()).hasToString("application/problem+json");
    Api.Response developer = Api.as(http, Staff.DEVELOPER, Staff.PASSWORD).get("/actuator/prometheus");
    assertThat(developer.status()).isEqualTo(403);
    assertThat(developer.headers().getContentType()).hasToString("application/problem+json");
    assertThat(Api.as(http, Staff.MANAGER, Staff.PASSWORD).get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", MONITOR, Staff.PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD)
        .getStatusCode().value()).isEqualTo(200);

    Api admin = Api.as(http, IntegrationSettings.ADMIN, IntegrationSettings.ADMIN_PASSWORD);
    Api.Response token = admin.post("/api/tokens", Map.of("name", "prometheus " + UUID.randomUUID(), "user", MONITOR));
    assertThat(token.status()).isEqualTo(201);
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(token.body().get("token").asText());
    assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
        .getStatusCode().value()).as("a monitoring token scrapes").isEqualTo(200);

    Api monitor = Api.as(http, MONITOR, Staff.PASSWORD);
    assertThat(monitor.get("/api/cases/C-1").status()).as("monitoring reads no case").isEqualTo(403);
    for (String path : List.of("/actuator/env", "/actuator/metrics", "/actuator/beans", "/actuator/loggers",
        "/actuator")) {
      Api.Response closedToAnyone = Api.anonymous(http).get(path);
      assertThat(closedToAnyone.status()).as(path).isEqualTo(401);
      Api.Response closedToMonitoring = monitor.get(path);
      assertThat(closedToMonitoring.status()).as(path).isEqualTo(403);
      assertThat(closedToMonitoring.headers().getContentType()).hasToString("application/problem+json");
    }

    JsonNode publicHealth = Api.anonymous(http).get("/actuator/health").body();
    assertThat(publicHealth.has("status")).isTrue();
    assertThat(publicHealth.has("components")).as("no details for anyone").isFalse();
    JsonNode detailed = monitor.get("/actuator/health").body();
    assertThat(detailed.at("/components/mail/status").asText()).isEqualTo("UP");
    assertThat(detailed.at("/components/dispatcher/status").asText()).isIn("UP", "WARNING");
    assertThat(detailed.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(Api.anonymous(http).get("/actuator/health/readiness").body().get("status").asText()).isEqualTo("UP");
    assertThat(Api.anonymous(http).get("/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void aMailServerThatIsDownIsShownButLeavesBatonReady() {
    smtp.stop();
    try {
      Api monitor = Api.as(http, MONITOR, Staff.PASSWORD);
      Api.Response readiness = Api.anonymous(http).get("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(200);
      assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
      JsonNode health = monitor.get("/actuator/health").body();
      assertThat(health.at("/components/mail/status").asText()).isEqualTo("DOWN");
      assertThat(health.at("/components/mail/details/error").asText()).isNotBlank();
      assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    } finally {
      smtp.start();
    }
    assertThat(Api.as(http, MONITOR, Staff.PASSWORD).get("/actuator/health").body()
        .at("/components/mail/status").asText()).isEqualTo("UP");
  }

  @Test
  void anOldBacklogMakesTheDispatcherWarnWithoutTouchingReadiness() {
    Case opened = open(unique("late") + "@rila.example", null, null);
    assertThat(opened.getKey()).isNotBlank();
    Walk.at(SOFIA, OPENED.plusHours(2));
    JsonNode dispatcherHealth = Api.as(http, MONITOR, Staff.PASSWORD).get("/actuator/health").body()
        .at("/components/dispatcher");
    assertThat(dispatcherHealth.get("status").asText()).isEqualTo("WARNING");
    assertThat(dispatcherHealth.at("/details/pending").asLong()).isPositive();
    assertThat(dispatcherHealth.at("/details/oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(2 * 3600);
    assertThat(Api.anonymous(http).get("/actuator/health/readiness").status()).isEqualTo(200);
    dispatchAll();
    assertThat(Api.as(http, MONITOR, Staff.PASSWORD).get("/actuator/health").body()
        .at("/components/dispatcher/status").asText()).isEqualTo("UP");
  }

  @Test
  void theLogsTellTheStoryOfTheCaseWithItsKeyAndNeverTheClientsAddressOrASecret() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    Walked walked;
    try {
      walked = walkThroughEverything();
    } finally {
      root.detachAppender(logs);
    }
    String processInstanceId = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(walked.key()).singleResult().getId();
    List<ILoggingEvent> events = new ArrayList<>(logs.list);

    List<ILoggingEvent> story = events.stream()
        .filter(e -> e.getFormattedMessage().startsWith("Case " + walked.key() + ":")
            || e.getFormattedMessage().startsWith("Case " + walked.key() + " opened"))
        .toList();
    assertThat(story).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m -> assertThat(m).contains("opened"))
        .anySatisfy(m -> assertThat(m).contains("stage " + TASK_KICKOFF + " started"))
        .anySatisfy(m -> assertThat(m).contains("stage " + TASK_KICKOFF + " completed"))
        .anySatisfy(m -> assertThat(m).contains("handed off from " + TASK_KICKOFF + " to " + TASK_INTAKE))
        .anySatisfy(m -> assertThat(m).contains("sent back from " + TASK_QUALITY_REVIEW))
        .anySatisfy(m -> assertThat(m).contains("reminder for stage " + TASK_KICKOFF))
        .anySatisfy(m -> assertThat(m).contains("stage " + TASK_KICKOFF + " escalated, level 1 (due date passed)"))
        .anySatisfy(m -> assertThat(m).contains("client reminded"))
        .anySatisfy(m -> assertThat(m).contains("delay notice"))
        .anySatisfy(m -> assertThat(m).contains("failed; it is tried again"))
        .anySatisfy(m -> assertThat(m).containsPattern("notification \\d+ \\(handoff, EMAIL\\) sent"))
        .anySatisfy(m -> assertThat(m).contains("delivered"))
        .anySatisfy(m -> assertThat(m).contains("follow-up SURVEY sent"));
    assertThat(story).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
        .as(e.getFormattedMessage()).containsEntry(CaseContext.CASE_KEY, walked.key()));
    assertThat(story).filteredOn(e -> e.getFormattedMessage().matches(".*: stage \\w+ (started|completed) .*")
            || e.getFormattedMessage().contains("reminder for stage") || e.getFormattedMessage().contains(" escalated, ")
            || e.getFormattedMessage().matches(".*: notification \\d+ .* sent.*")
            || e.getFormattedMessage().contains("follow-up SURVEY sent"))
        .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).as(e.getFormattedMessage())
            .containsEntry(CaseContext.PROCESS_INSTANCE_ID, processInstanceId));

    List<ILoggingEvent> written = events.stream()
        .filter(e -> e.getFormattedMessage().startsWith("Notification ") && e.getFormattedMessage().contains(" written: "))
        .filter(e -> walked.key().equals(e.getMDCPropertyMap().get(CaseContext.CASE_KEY)))
        .toList();
    long ofTheCase = jdbc.queryForObject("select count(*) from notification where case_key = ?", Long.class,
        walked.key());
    assertThat(written).as("every notification of the case is written with its key: from engine steps, the "
        + "API, the scanners").hasSize((int) ofTheCase);

    assertThat(events).allSatisfy(e -> {
      String everything = e.getFormattedMessage() + " " + e.getMDCPropertyMap()
          + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(everything).doesNotContain(walked.email()).doesNotContain(walked.secret());
    });
  }

  /**
   * Opens a case whose promise is too early (a delay notice at once), lets Kickoff run past its due
   * date (a reminder, an escalation), waits for the client through the API (a client reminder two
   * working days later), walks it to delivery with one QA send-back, sends the survey and delivers
   * the outbox, the webhook failing once.
   */
  private Walked walkThroughEverything() {
    String email = unique("ivana") + "@rila.example";
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
    String path = "/hooks/" + UUID.randomUUID();
    webhooks.answer(path, 500, 200);
    String key = open(email, webhooks.url(path), secret).getKey();
    int scans = 0;

    Walk.at(SOFIA, OPENED.plusDays(1));
    scanner.scan();
    scans++;

    Api manager = Api.as(http, Staff.ACCOUNT_MANAGER, Staff.PASSWORD);
    assertThat(manager.post("/api/cases/" + key + "/waiting-for-client", Map.of("request", "the logo in SVG"))
        .status()).isEqualTo(200);
    Walk.at(SOFIA, OPENED.plusDays(3).plusHours(1));
    scanner.scan();
    scans++;
    assertThat(manager.post("/api/cases/" + key + "/client-input", Map.of()).status()).isEqualTo(200);

    Walk.complete(taskService, key, TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
    Walk.complete(taskService, key, TASK_INTAKE, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "ok"));
    Walk.complete(taskService, key, TASK_DELIVERY, Map.of(Variables.DELIVERY_NOTE, "ok"));
    Walk.complete(taskService, key, TASK_QUALITY_REVIEW, Map.of(Variables.QA_APPROVED, false, Variables.QA_NOTE, "the form"));
    Walk.complete(taskService, key, TASK_DELIVERY, Map.of(Variables.DELIVERY_NOTE, "fixed"));
    Walk.complete(taskService, key, TASK_QUALITY_REVIEW, Map.of(Variables.QA_APPROVED, true, Variables.QA_NOTE, "ok"));
    Walk.complete(taskService, key, TASK_HANDOVER, Map.of(Variables.CLIENT_ACCEPTED, true));

    Walk.at(SOFIA, OPENED.plusDays(4).plusHours(2));
    assertThat(followUps.sendDue()).isEqualTo(1);
    int dispatched = dispatchAll();
    Walk.at(SOFIA, OPENED.plusDays(4).plusHours(3));
    dispatched += dispatchAll();
    assertThat(webhooks.received(path)).isNotEmpty();
    return new Walked(key, email, secret, scans, dispatched);
  }

  private Case open(String email, String webhookUrl, String secret) {
    return cases.open(new OpenCase(unique("crm"), "Rila Digital OOD", email, Language.BG, SOFIA, "website-build",
        Tier.STANDARD, OPENED.toLocalDate().plusDays(2), true, webhookUrl, secret)).theCase();
  }

  private int dispatchAll() {
    int total = 0;
    for (int round = dispatcher.dispatchDue(); round > 0; round = dispatcher.dispatchDue()) {
      total += round;
    }
    return total;
  }

  private Prometheus scrape() {
    ResponseEntity<String> scraped = get("/actuator/prometheus", MONITOR, Staff.PASSWORD);
    assertThat(scraped.getStatusCode().value()).isEqualTo(200);
    return Prometheus.parse(scraped.getBody());
  }

  private ResponseEntity<String> get(String path, String user, String password) {
    return http.withBasicAuth(user, password).getForEntity(path, String.class);
  }

  private static double delta(Prometheus before, Prometheus after, String name, String... labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }

  private static Set<String> dashboardMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    Set<String> names = new TreeSet<>();
    Pattern metric = Pattern.compile("\\bbaton_[a-z0-9_]+");
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = metric.matcher(target.get("expr").asText());
        while (m.find()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
