package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import io.baton.testing.SmtpGate;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery when the mail server is slow or hangs, with several Baton nodes (here: several
 * dispatch runs at once on one database): a claim's lease runs from its own claim, a node that
 * lost its claim records nothing, and a message sent twice carries one Message-ID.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@ExtendWith(OutputCaptureExtension.class)
class SlowMailServerTest {

  private static final Smtp smtp = new Smtp();
  private static final SmtpGate gate = SmtpGate.to(smtp.port());

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_slow_mail");
    IntegrationSettings.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", gate::port);
  }

  @Autowired CaseService cases;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository outbox;
  @Autowired NotificationSettings settings;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService nodes = Executors.newFixedThreadPool(3);

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    gate.close();
    smtp.stop();
  }

  @BeforeEach
  void freshClock() {
    ClockUtil.reset();
    ClockUtil.setCurrentTime(new Date());
    gate.open(Duration.ZERO);
  }

  @AfterEach
  void reset() {
    nodes.shutdownNow();
    gate.open(Duration.ZERO);
    ClockUtil.reset();
  }

  @Test
  void aMailSentAgainCarriesTheSameMessageIdSoTheReceiverSeesOneMessage() throws Exception {
    String email = unique("twice") + "@client.example";
    Notification opened = only(open(email));

    dispatcher.dispatchDue();
    // The node that sent it went away before recording it: its claim lapses and another sends it again.
    jdbc.update("update notification set status = 'SENDING', claimed_until = ? where id = ?",
        Timestamp.from(now().minus(Duration.ofMinutes(1))), opened.getId());
    dispatcher.dispatchDue();

    List<MimeMessage> mails = smtp.to(email);
    assertThat(mails).hasSize(2);
    assertThat(mails).extracting(MimeMessage::getMessageID)
        .containsOnly("<" + opened.getEventId() + "@baton>");
  }

  @Test
  void aNodeThatLostItsClaimWhileTheMailServerHungChangesNothing(CapturedOutput log) throws Exception {
    String email = unique("hung") + "@client.example";
    Notification pending = only(open(email));
    gate.hold();

    Future<Integer> slowNode = nodes.submit(dispatcher::dispatchDue);
    SmtpGate.Held hung = gate.next();
    moveClock(settings.claimLease().plusMinutes(1));
    Future<Integer> otherNode = nodes.submit(dispatcher::dispatchDue);
    gate.next().pass();
    assertThat(otherNode.get(20, TimeUnit.SECONDS)).as("the lapsed claim is taken over").isEqualTo(1);
    assertThat(reload(pending).getStatus()).isEqualTo(NotificationStatus.SENT);

    hung.fail();
    assertThat(slowNode.get(20, TimeUnit.SECONDS)).isEqualTo(1);

    Notification after = reload(pending);
    assertThat(after.getStatus()).as("the slow node's failure does not undo the other's send")
        .isEqualTo(NotificationStatus.SENT);
    assertThat(after.getAttempts()).isEqualTo(1);
    assertThat(after.getLastError()).isNull();
    gate.open(Duration.ZERO);
    moveClock(Duration.ofHours(1));
    assertThat(dispatcher.dispatchDue()).as("nothing left to send again").isZero();
    assertThat(smtp.to(email)).hasSize(1);
    assertThat(log.getOut()).contains("Notification " + pending.getId() + " (EMAIL) attempt 1 of")
        .doesNotContain(email);
  }

  @Test
  void eachNotificationsLeaseRunsFromItsOwnClaimNotFromTheStartOfTheBatch() throws Exception {
    String first = unique("first") + "@client.example";
    String second = unique("second") + "@client.example";
    only(open(first));
    Notification later = only(open(second));
    gate.hold();

    Future<Integer> slowNode = nodes.submit(dispatcher::dispatchDue);
    SmtpGate.Held firstMail = gate.next();
    moveClock(settings.claimLease().plusMinutes(1));
    firstMail.pass();
    SmtpGate.Held secondMail = gate.next();

    Future<Integer> otherNode = nodes.submit(dispatcher::dispatchDue);
    assertThat(otherNode.get(20, TimeUnit.SECONDS))
        .as("the second notification was claimed just now: another node leaves it alone").isZero();
    secondMail.pass();
    assertThat(slowNode.get(20, TimeUnit.SECONDS)).isEqualTo(2);

    assertThat(reload(later).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(smtp.to(first)).hasSize(1);
    assertThat(smtp.to(second)).hasSize(1);
  }

  @Test
  void aNotificationThatCannotBeHandledIsFailedForAnOperatorAndTheOthersStillGoOut() throws Exception {
    String email = unique("after-bad") + "@client.example";
    Notification good = only(open(email));
    // A row no sender can handle (a channel this version does not know), due before the good one.
    long bad = jdbc.queryForObject("insert into notification (event_id, case_key, audience, channel, recipient, "
        + "template, language, subject, body_text, status, attempts, next_attempt_at, created_at, version) "
        + "select 'evt_bad_' || id, case_key, audience, 'SMS', recipient, template, language, subject, body_text, "
        + "'PENDING', 0, next_attempt_at - interval '1 minute', created_at, 0 from notification where id = ? "
        + "returning id", Long.class, good.getId());

    dispatcher.dispatchDue();

    assertThat(reload(good).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(smtp.to(email)).hasSize(1);
    assertThat(jdbc.queryForMap("select status, last_error from notification where id = ?", bad))
        .containsEntry("status", "FAILED")
        .hasEntrySatisfying("last_error", error -> assertThat((String) error).startsWith("Cannot be delivered"));
    assertThat(dispatcher.dispatchDue()).as("not tried again until an operator retries it").isZero();
  }

  @Test
  void aMailServerThatStopsAnsweringTimesOutInsteadOfHoldingDelivery() {
    assertThat(mailSender.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "30000")
        .containsEntry("mail.smtp.writetimeout", "30000");
  }

  // ------------------------------------------------------------------ helpers

  private Case open(String email) {
    return cases.open(new OpenCase(unique("crm"), "Client " + email, email, Language.EN, ZoneId.of("Europe/Sofia"),
        "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(8))).theCase();
  }

  private Notification only(Case theCase) {
    List<Notification> all = notifications.list(null, theCase.getKey());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private Notification reload(Notification notification) {
    return outbox.findById(notification.getId()).orElseThrow();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(now().plus(by)));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
