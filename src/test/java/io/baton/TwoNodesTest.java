package io.baton;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.engine.ScanFailures;
import io.baton.notification.Channel;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationStatus;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import io.baton.testing.SmtpGate;
import io.baton.testing.Staff;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Baton nodes at once on one PostgreSQL database, started together on an empty database,
 * each dispatching mail and scanning SLA clocks on its own schedule, against a mail server that
 * first hangs and then answers slowly: both come up, every escalation is taken while mail is
 * stuck, each step is taken once and each message arrives once (counted by Message-ID).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia. */
  private static final LocalDateTime OPENED = LocalDateTime.of(2027, 2, 1, 10, 0);
  private static final int CASES = 6;

  private static final Smtp smtp = new Smtp();
  private static final SmtpGate gate = SmtpGate.to(smtp.port());
  private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private static final List<Throwable> startFailures = new ArrayList<>();

  @BeforeAll
  static void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
    smtp.start();
    gate.hold();
    ClockUtil.reset();
    Map<String, Object> properties = new LinkedHashMap<>();
    Postgres.register((name, value) -> properties.put(name, value.get()), "baton_two_nodes");
    for (String property : IntegrationSettings.PROPERTIES) {
      String[] pair = property.split("=", 2);
      properties.put(pair[0], pair[1]);
    }
    properties.put("baton.notifications.dispatch", "true");
    properties.put("baton.notifications.poll-interval", "PT0.2S");
    properties.put("baton.sla.scan", "true");
    properties.put("baton.sla.scan-interval", "PT0.3S");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", gate.port());
    properties.put("server.port", "0");

    // As on the command line: above the profile's defaults.
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        started.add(starting.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return new SpringApplicationBuilder(BatonApplication.class).profiles("postgres").run(arguments);
        }));
      }
      for (Future<ConfigurableApplicationContext> node : started) {
        try {
          nodes.add(node.get(150, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          startFailures.add(e.getCause());
        }
      }
    } finally {
      starting.shutdownNow();
    }
  }

  @AfterAll
  static void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
    gate.close();
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void bothNodesComeUpAndTheSchemaAndProcessesAreThereOnce() {
    assertThat(startFailures).as("start-up failures").isEmpty();
    assertThat(nodes).hasSize(2).allSatisfy(node -> assertThat(node.isRunning()).isTrue());
    JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Long.class))
        .isZero();
    assertThat(nodes.get(1).getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey("ServiceDeliveryProcess").count()).as("deployed once").isEqualTo(1);
  }

  @Test
  @Order(2)
  void bothNodesDispatchAndScanAtOnceAndEachStepAndMessageHappensOnce() throws Exception {
    assertThat(nodes).hasSize(2);
    ConfigurableApplicationContext first = nodes.get(0);
    Staff.ensure(first.getBean(IdentityService.class));
    CaseService cases = first.getBean(CaseService.class);
    NotificationService notifications = nodes.get(1).getBean(NotificationService.class);

    at(OPENED);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      keys.add(cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Client " + i,
          "two-nodes-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@client.example", Language.EN,
          SOFIA, "website-build", Tier.STANDARD, LocalDate.of(2027, 4, 1))).theCase().getKey());
    }
    // The mail server hangs: each node's dispatcher is stuck in its first send.
    List<SmtpGate.Held> stuck = List.of(gate.next(), gate.next());

    at(OPENED.plusDays(1).plusMinutes(1));
    await("every case escalated while mail is stuck", () -> keys.stream()
        .allMatch(key -> count(notifications, key, "task-escalated") > 0));

    gate.open(Duration.ofMillis(50));
    stuck.forEach(SmtpGate.Held::pass);
    await("all mail sent", () -> notifications.list(null, null).stream()
        .filter(n -> n.getChannel() == Channel.EMAIL)
        .allMatch(n -> n.getStatus() == NotificationStatus.SENT));

    for (String key : keys) {
      assertThat(count(notifications, key, "task-reminder")).as("%s: one reminder", key).isEqualTo(1);
      assertThat(count(notifications, key, "task-escalated")).as("%s: one escalation", key).isEqualTo(1);
    }
    List<Notification> email = notifications.list(null, null).stream()
        .filter(n -> n.getChannel() == Channel.EMAIL).toList();
    Map<String, Long> deliveries = new LinkedHashMap<>();
    for (MimeMessage message : smtp.all()) {
      deliveries.merge(message.getMessageID(), 1L, Long::sum);
    }
    assertThat(deliveries.values()).as("each message once").containsOnly(1L);
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(
        email.stream().map(n -> "<" + n.getEventId() + "@baton>").collect(Collectors.toSet()));
    assertThat(first.getBean(RuntimeService.class).createIncidentQuery()
        .incidentType(ScanFailures.INCIDENT_TYPE).count()).as("no scan step failed").isZero();
  }

  private static long count(NotificationService notifications, String caseKey, String template) {
    return notifications.list(null, caseKey).stream().map(Notification::getTemplate).filter(template::equals).count();
  }

  /** Waits for what the nodes do on their own schedules, at most 30 seconds. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The engine clock from this local time on, running. */
  private static void at(LocalDateTime sofiaTime) {
    ClockUtil.reset();
    ClockUtil.offset(sofiaTime.atZone(SOFIA).toInstant().toEpochMilli() - System.currentTimeMillis());
  }
}
