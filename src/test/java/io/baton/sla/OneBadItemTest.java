package io.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.engine.ScanFailures;
import io.baton.followup.FollowUps;
import io.baton.notification.Audience;
import io.baton.notification.Notification;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.security.Groups;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Postgres;
import io.baton.testing.Staff;
import io.baton.testing.Walk;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One bad item never stops a scan: the SLA scanner and the follow-up scanner each meet a case
 * they cannot handle first, still handle the next one, and the bad one is an incident in Cockpit
 * on its case's process, raised once, while the item is tried again at every scan.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class OneBadItemTest {

  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  /** Monday 1 February 2027, 10:00 in Sofia. */
  private static final LocalDateTime MONDAY = LocalDateTime.of(2027, 2, 1, 10, 0);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "baton_scan_faults");
    IntegrationSettings.register(registry);
  }

  @Autowired CaseService cases;
  @Autowired SlaScanner scanner;
  @Autowired FollowUps followUps;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    Staff.ensure(identityService);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anEscalationToATeamWithNoMembersIsAnIncidentAndTheNextCaseIsStillEscalated() {
    Walk.at(SOFIA, MONDAY);
    Case bad = open(null);
    Walk.at(SOFIA, MONDAY.plusMinutes(1));
    Case good = open(null);
    jdbc.update("update task_sla set first_escalation = 'night-shift' where case_key = ?", bad.getKey());

    Walk.at(SOFIA, MONDAY.plusDays(1).plusMinutes(1));
    scanner.scan();
    scanner.scan();

    assertThat(candidateGroups(task(good))).contains(Groups.TEAM_LEADS);
    assertThat(toStaff(good, NotificationTemplate.TASK_ESCALATED.id())).containsExactly(Staff.email(Staff.TEAM_LEAD));
    assertThat(cases.get(good.getKey()).isAtRisk()).isTrue();

    assertThat(candidateGroups(task(bad))).as("not taken: tried again next scan").doesNotContain("night-shift");
    List<Incident> incidents = incidents(bad);
    assertThat(incidents).as("one incident, though two scans failed").hasSize(1);
    assertThat(incidents.get(0).getConfiguration()).isEqualTo("sla:" + task(bad).getId() + ":escalation");
    assertThat(incidents.get(0).getIncidentMessage()).contains("night-shift");
    assertThat(incidents(good)).isEmpty();
  }

  @Test
  void aRenewalReminderThatCannotBeWrittenIsAnIncidentAndTheNextOneStillGoesOut() {
    Walk.at(SOFIA, MONDAY);
    Case bad = deliver(LocalDate.of(2027, 12, 30));
    Case good = deliver(LocalDate.of(2027, 12, 31));
    jdbc.update("update service_case set contract_end = null where case_key = ?", bad.getKey());

    Walk.at(SOFIA, LocalDateTime.of(2027, 12, 1, 9, 0));
    followUps.sendDue();
    followUps.sendDue();

    assertThat(toStaff(good, "renewal-reminder")).containsExactly(Staff.email(Staff.ACCOUNT_MANAGER));
    assertThat(toStaff(bad, "renewal-reminder")).isEmpty();
    assertThat(incidents(bad)).extracting(Incident::getConfiguration).containsExactly("follow-up:RENEWAL");
  }

  // ------------------------------------------------------------------ helpers

  private Case open(LocalDate contractEnd) {
    return cases.open(new OpenCase("crm-" + UUID.randomUUID(), "Rila Digital OOD",
        "faults-" + UUID.randomUUID() + "@rila.example", Language.BG, SOFIA, "website-build", Tier.STANDARD,
        LocalDate.of(2027, 4, 1), true, null, null, contractEnd)).theCase();
  }

  private Case deliver(LocalDate contractEnd) {
    Case opened = open(contractEnd);
    Walk.toDelivery(taskService, opened.getKey());
    return opened;
  }

  private Task task(Case theCase) {
    return taskService.createTaskQuery().processInstanceBusinessKey(theCase.getKey()).singleResult();
  }

  private List<Incident> incidents(Case theCase) {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(theCase.getKey())
        .singleResult().getId();
    return runtimeService.createIncidentQuery().processInstanceId(instance)
        .incidentType(ScanFailures.INCIDENT_TYPE).list();
  }

  private List<String> toStaff(Case theCase, String template) {
    return notifications.list(null, theCase.getKey()).stream()
        .filter(n -> n.getAudience() == Audience.STAFF && n.getTemplate().equals(template))
        .map(Notification::getRecipient).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }
}
