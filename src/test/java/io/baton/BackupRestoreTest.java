package io.baton;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.cases.CaseService;
import io.baton.cases.CaseVariables;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.testing.BatonNode;
import io.baton.testing.Postgres;
import io.baton.testing.Smtp;
import io.baton.testing.Walk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backup the README describes, done for real: Baton stops with open cases and undelivered
 * notifications, the database is dumped with {@code pg_dump} and restored into a new database
 * with {@code pg_restore}, and Baton started on the copy resumes every case and drains the outbox.
 */
class BackupRestoreTest {

  private final Smtp smtp = new Smtp();

  @TempDir
  Path backups;

  @BeforeEach
  void startSmtp() {
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void aRestoredDatabaseResumesEveryOpenCaseAndDeliversEveryPendingNotification() throws Exception {
    String original = Postgres.freshDatabase("baton_backup");
    Map<String, String> openTasks;
    List<Long> pending;
    String walked;
    String fresh;
    try (ConfigurableApplicationContext before = BatonNode.start(original, smtp.port(), false)) {
      CaseService cases = before.getBean(CaseService.class);
      fresh = BatonNode.openCase(cases, "fresh@backup.example", "crm-backup-1");
      walked = BatonNode.openCase(cases, "walked@backup.example", "crm-backup-2");
      TaskService tasks = before.getBean(TaskService.class);
      Walk.complete(tasks, walked, TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "ok"));
      openTasks = openTasks(tasks);
      pending = ids(before, "PENDING");
    }
    assertThat(openTasks).containsOnlyKeys(fresh, walked).containsEntry(fresh, TASK_KICKOFF).containsEntry(walked, TASK_INTAKE);
    assertThat(pending).as("undelivered at the backup: the two opening messages and the intake one").hasSize(3);
    assertThat(smtp.all()).isEmpty();

    Path dump = backups.resolve("baton.dump");
    Postgres.dump("baton_backup", dump);
    assertThat(Files.size(dump)).isPositive();
    String restored = Postgres.restore(dump, "baton_restored");

    try (ConfigurableApplicationContext after = BatonNode.start(restored, smtp.port(), true)) {
      TaskService tasks = after.getBean(TaskService.class);
      assertThat(openTasks(tasks)).as("every open case waits where it was").isEqualTo(openTasks);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(smtp.to("fresh@backup.example")).hasSize(1);
        assertThat(smtp.to("walked@backup.example")).hasSize(2);
        assertThat(ids(after, "SENT")).isEqualTo(pending);
      });

      Walk.complete(tasks, fresh, TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true, Variables.KICKOFF_NOTE, "after the restore"));
      assertThat(openTasks(tasks)).containsEntry(fresh, TASK_INTAKE);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(smtp.to("fresh@backup.example")).as("the new step's message").hasSize(2));
    }
    assertThat(smtp.all()).as("each pending message once, and the new step's").hasSize(4);
  }

  private static List<Long> ids(ConfigurableApplicationContext context, String status) {
    return context.getBean(JdbcTemplate.class)
        .queryForList("select id from notification where status = ? order by id", Long.class, status);
  }

  /** Each open case by its key, with the stage its task waits at. */
  private static Map<String, String> openTasks(TaskService tasks) {
    return tasks.createTaskQuery().list().stream().collect(Collectors.toMap(
        task -> (String) tasks.getVariable(task.getId(), CaseVariables.CASE_KEY), Task::getTaskDefinitionKey));
  }
}
