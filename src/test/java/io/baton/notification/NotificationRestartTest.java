package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.BatonApplication;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Baton stops with notifications committed but not delivered — one never attempted, one claimed
 * by a node that died mid-send — and delivers both, once, after it starts again.
 */
class NotificationRestartTest {

  private final Smtp smtp = new Smtp();
  private final String database = Postgres.freshDatabase("baton_restart");

  @BeforeEach
  void startSmtp() {
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void notificationsPendingAtAStopAreDeliveredOnceAfterTheRestart() throws Exception {
    String neverTried = "never-tried@client.example";
    String diedMidSend = "died-mid-send@client.example";
    try (ConfigurableApplicationContext before = start(false)) {
      CaseService cases = before.getBean(CaseService.class);
      open(cases, neverTried, "crm-restart-1");
      String diedCase = open(cases, diedMidSend, "crm-restart-2");
      // A node claimed this one and died before it could record the result.
      before.getBean(JdbcTemplate.class).update(
          "update notification set status = 'SENDING', claimed_until = ? where case_key = ?",
          java.sql.Timestamp.from(Instant.now().minusSeconds(1)), diedCase);
    }
    assertThat(smtp.all()).as("nothing went out before the stop").isEmpty();

    try (ConfigurableApplicationContext after = start(true)) {
      NotificationRepository outbox = after.getBean(NotificationRepository.class);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(smtp.to(neverTried)).hasSize(1);
        assertThat(smtp.to(diedMidSend)).hasSize(1);
        assertThat(outbox.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.SENT);
      });
    }
    assertThat(smtp.all()).hasSize(2);
  }

  private ConfigurableApplicationContext start(boolean dispatch) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + Postgres.user(),
        "--spring.datasource.password=" + Postgres.password(),
        "--server.port=0",
        // The webapps keep a static handle on the first context; delivery does not need them.
        "--camunda.bpm.webapp.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.port()));
    for (String property : IntegrationSettings.PROPERTIES) {
      if (!property.startsWith("baton.notifications.dispatch=")) {
        args.add("--" + property);
      }
    }
    args.add("--baton.notifications.dispatch=" + dispatch);
    args.add("--baton.notifications.poll-interval=PT0.2S");
    return new SpringApplicationBuilder(BatonApplication.class).run(args.toArray(String[]::new));
  }

  private static String open(CaseService cases, String email, String reference) {
    return cases.open(new OpenCase(reference, "Client " + email, email, Language.EN, ZoneId.of("Europe/Helsinki"),
        "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(4))).theCase().getKey();
  }
}
