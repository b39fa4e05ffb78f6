package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.cases.CaseService;
import io.baton.testing.BatonNode;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    try (ConfigurableApplicationContext before = BatonNode.start(database, smtp.port(), false)) {
      CaseService cases = before.getBean(CaseService.class);
      BatonNode.openCase(cases, neverTried, "crm-restart-1");
      String diedCase = BatonNode.openCase(cases, diedMidSend, "crm-restart-2");
      // A node claimed this one and died before it could record the result.
      before.getBean(JdbcTemplate.class).update(
          "update notification set status = 'SENDING', claimed_until = ? where case_key = ?",
          java.sql.Timestamp.from(Instant.now().minusSeconds(1)), diedCase);
    }
    assertThat(smtp.all()).as("nothing went out before the stop").isEmpty();

    try (ConfigurableApplicationContext after = BatonNode.start(database, smtp.port(), true)) {
      NotificationRepository outbox = after.getBean(NotificationRepository.class);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(smtp.to(neverTried)).hasSize(1);
        assertThat(smtp.to(diedMidSend)).hasSize(1);
        assertThat(outbox.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.SENT);
      });
    }
    assertThat(smtp.all()).hasSize(2);
  }
}
