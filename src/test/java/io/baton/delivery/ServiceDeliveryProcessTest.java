package io.baton.delivery;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.END_CASE_CLOSED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_CLIENT_ACCEPTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_DELIVERY_MERGE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_QUALITY_APPROVED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.START_DEAL_WON;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TIMER_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Teams.ACCOUNT_MANAGERS;
import static io.baton.delivery.ServiceDeliveryProcess.Teams.DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Teams.DELIVERY_LEADS;
import static io.baton.delivery.ServiceDeliveryProcess.Teams.QA;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.CHANGE_REQUEST;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.CHECK_IN_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.CLIENT_ACCEPTED;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.DELIVERY_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.HANDOVER_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.INTAKE_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.KICKOFF_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_APPROVED;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.SCOPE_CONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.baton.cases.CaseVariables;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service-delivery process as the teams live it: who gets which task, where QA and the
 * client send work back, and when the check-in comes due. Runs on the in-memory engine of
 * {@code src/test/resources/camunda.cfg.xml}; the coverage extension fails the class unless its
 * tests together pass every flow node and sequence flow of the model, and writes its report under
 * {@code target/process-test-coverage/}.
 */
@Deployment(resources = ServiceDeliveryProcessTest.MODEL)
class ServiceDeliveryProcessTest {

  /** Classpath name of the model: the designers' {@code processes/} folder ships under it. */
  static final String MODEL = "processes/service-delivery.bpmn";

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE_WITH_COVERAGE =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private static final String CASE = "CASE-2025-0042";

  /**
   * The engine clock is fixed for every test: the deal is won on a Monday morning and the work is
   * handed over three weeks later. Tests move the clock forward, never backward, so the history
   * keeps the order in which things happened.
   */
  private static final ZonedDateTime DEAL_WON =
      ZonedDateTime.of(2025, 2, 17, 9, 0, 0, 0, ZoneId.systemDefault());

  private static final ZonedDateTime HANDOVER_DAY = DEAL_WON.plusWeeks(3).withHour(14);

  ProcessEngine engine;

  @BeforeEach
  void useTheTestEngineForAssertionsOnTheDayTheDealIsWon() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(DEAL_WON.toInstant()));
  }

  @AfterEach
  void giveTheEngineItsClockBack() {
    ClockUtil.reset();
  }

  @Test
  void caseStartsWithTheCaseVariablesAndItsBusinessKey() {
    ProcessInstance delivery = startCase();

    assertThat(delivery)
        .isStarted()
        .hasBusinessKey(CASE)
        .hasVariables(
            CaseVariables.CASE_KEY,
            CaseVariables.CLIENT_NAME,
            CaseVariables.SERVICE,
            CaseVariables.TIER,
            CaseVariables.PROMISED_DATE)
        .isWaitingAtExactly(TASK_KICKOFF);
    assertThat(delivery).variables().containsAllEntriesOf(caseVariables());
    assertThat(taskService().getVariables(task().getId())).containsAllEntriesOf(caseVariables());
  }

  @Test
  void caseWalksFromKickoffToCheckInAndCloses() {
    ProcessInstance delivery = startCase();

    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    complete(task(), withVariables(SCOPE_CONFIRMED, true, KICKOFF_NOTE, "Scope as quoted; contact is Ana."));

    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    assertThat(task()).hasCandidateGroup(DELIVERY_LEADS);
    complete(task(), withVariables(INTAKE_NOTE, "Two sprints, Ben leads."));

    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    complete(task(), withVariables(DELIVERY_NOTE, "Delivered; check the staging link."));

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    assertThat(task()).hasCandidateGroup(QA);
    complete(task(), withVariables(QA_APPROVED, true, QA_NOTE, "All checks pass."));

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    ClockUtil.setCurrentTime(Date.from(HANDOVER_DAY.toInstant()));
    complete(task(), withVariables(CLIENT_ACCEPTED, true, HANDOVER_NOTE, "Client is happy."));

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(delivery).task().isNull();
    assertThat(job()).hasActivityId(TIMER_CHECK_IN).hasDueDate(daysAfterHandover(7));
    ClockUtil.setCurrentTime(daysAfterHandover(7));
    execute(job());

    assertThat(delivery).isWaitingAtExactly(TASK_CHECK_IN);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    complete(task(), withVariables(CHECK_IN_NOTE, "Going well; they want a follow-up in Q3."));

    assertThat(delivery)
        .hasPassedInOrder(
            START_DEAL_WON,
            TASK_KICKOFF,
            TASK_INTAKE,
            GATEWAY_DELIVERY_MERGE,
            TASK_DELIVERY,
            TASK_QUALITY_REVIEW,
            GATEWAY_QUALITY_APPROVED,
            TASK_HANDOVER,
            GATEWAY_CLIENT_ACCEPTED,
            TIMER_CHECK_IN,
            TASK_CHECK_IN,
            END_CASE_CLOSED)
        .isEnded();
  }

  @Test
  void qualityReviewSendsWorkBackToDeliveryWithAReason() {
    ProcessInstance delivery = startCaseAt(TASK_QUALITY_REVIEW);
    String reason = "The export drops the last row; fix it and add a test.";

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    complete(task(), withVariables(QA_APPROVED, false, QA_NOTE, reason));

    assertThat(delivery).hasPassedInOrder(GATEWAY_QUALITY_APPROVED, GATEWAY_DELIVERY_MERGE);
    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    assertThat(taskService().getVariables(task().getId()))
        .containsEntry(QA_APPROVED, false)
        .containsEntry(QA_NOTE, reason);
    complete(task(), withVariables(DELIVERY_NOTE, "Last row fixed, test added."));

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    complete(task(), withVariables(QA_APPROVED, true, QA_NOTE, "Fixed."));

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(delivery).hasNotPassed(GATEWAY_CLIENT_ACCEPTED);
  }

  @Test
  void clientAskingForChangesSendsWorkBackToDelivery() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    String changes = "Add the logo to the cover page.";

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    complete(task(), withVariables(CLIENT_ACCEPTED, false, CHANGE_REQUEST, changes));

    assertThat(delivery).hasPassedInOrder(GATEWAY_CLIENT_ACCEPTED, GATEWAY_DELIVERY_MERGE);
    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    assertThat(taskService().getVariables(task().getId()))
        .containsEntry(CLIENT_ACCEPTED, false)
        .containsEntry(CHANGE_REQUEST, changes);
    complete(task(), withVariables(DELIVERY_NOTE, "Logo added."));

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    complete(task(), withVariables(QA_APPROVED, true, QA_NOTE, "Logo is there."));

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    complete(task(), withVariables(CLIENT_ACCEPTED, true, HANDOVER_NOTE, "Accepted the second time."));

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
  }

  @Test
  void checkInIsNotDueBeforeSevenDays() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    ClockUtil.setCurrentTime(Date.from(HANDOVER_DAY.toInstant()));
    complete(task(), withVariables(CLIENT_ACCEPTED, true, HANDOVER_NOTE, "Client is happy."));

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(checkInTasks()).isZero();

    ClockUtil.setCurrentTime(daysAfterHandover(6));
    assertThat(runJobsThatAreDue()).isZero();
    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(checkInTasks()).isZero();

    ClockUtil.setCurrentTime(daysAfterHandover(7));
    assertThat(runJobsThatAreDue()).isEqualTo(1);
    assertThat(delivery).isWaitingAtExactly(TASK_CHECK_IN);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
  }

  @Test
  void qualityReviewWithoutADecisionFailsAndStaysOpen() {
    ProcessInstance delivery = startCaseAt(TASK_QUALITY_REVIEW);
    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    Task review = task();

    assertThatThrownBy(() -> complete(review, withVariables(QA_NOTE, "Looks fine.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(QA_APPROVED);

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    assertThat(task()).hasId(review.getId());
    assertThat(delivery).variables().doesNotContainKeys(QA_APPROVED, QA_NOTE);
    assertThat(delivery).hasNotPassed(GATEWAY_QUALITY_APPROVED, TASK_HANDOVER, TASK_DELIVERY);
  }

  @Test
  void handoverWithoutTheClientsAnswerFailsAndStaysOpen() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    Task handover = task();

    assertThatThrownBy(() -> complete(handover, withVariables(HANDOVER_NOTE, "Sent it over.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(CLIENT_ACCEPTED);

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(task()).hasId(handover.getId());
    assertThat(delivery).variables().doesNotContainKeys(CLIENT_ACCEPTED, HANDOVER_NOTE);
    assertThat(delivery).hasNotPassed(GATEWAY_CLIENT_ACCEPTED, TIMER_CHECK_IN, TASK_DELIVERY);
  }

  // --- the case, as Baton starts it -------------------------------------------------------

  private static VariableMap caseVariables() {
    return Variables.createVariables()
        .putValue(CaseVariables.CASE_KEY, CASE)
        .putValue(CaseVariables.CLIENT_NAME, "Northwind Traders")
        .putValue(CaseVariables.SERVICE, "Data migration")
        .putValue(CaseVariables.TIER, "Gold")
        .putValue(CaseVariables.PROMISED_DATE, "2025-04-30");
  }

  private static ProcessInstance startCase() {
    return runtimeService()
        .startProcessInstanceByKey(ServiceDeliveryProcess.KEY, CASE, caseVariables());
  }

  /** A case whose earlier stages are not what the test is about: it starts right at {@code stage}. */
  private static ProcessInstance startCaseAt(String stage) {
    return runtimeService()
        .createProcessInstanceByKey(ServiceDeliveryProcess.KEY)
        .businessKey(CASE)
        .setVariables(caseVariables())
        .startBeforeActivity(stage)
        .execute();
  }

  // --- time ----------------------------------------------------------------------------------

  /** Calendar days after the handover, as the timer's ISO-8601 duration counts them. */
  private static Date daysAfterHandover(int days) {
    return Date.from(HANDOVER_DAY.plusDays(days).toInstant());
  }

  private static long checkInTasks() {
    return taskQuery().taskDefinitionKey(TASK_CHECK_IN).count();
  }

  /** What a job executor would do at the engine's current time: run every job that is due. */
  private static int runJobsThatAreDue() {
    List<Job> due = managementService().createJobQuery().executable().list();
    due.forEach(job -> managementService().executeJob(job.getId()));
    return due.size();
  }
}
