package io.baton.delivery;

import static io.baton.delivery.RecordingBuildingBlocks.handoff;
import static io.baton.delivery.RecordingBuildingBlocks.toClient;
import static io.baton.delivery.RecordingBuildingBlocks.toGroup;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.END_CASE_CLOSED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_CLIENT_ACCEPTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_DELIVERY_MERGE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_INTAKE_READY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_KICKOFF_MERGE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.GATEWAY_QUALITY_APPROVED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.HANDOFF_DELIVERY_TO_REVIEW;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.HANDOFF_HANDOVER_TO_CHECK_IN;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.HANDOFF_INTAKE_TO_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.HANDOFF_KICKOFF_TO_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.HANDOFF_REVIEW_TO_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_CASE_OPENED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_CHANGES_IN_PROGRESS;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_DELIVERY_STARTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_FOLLOW_UP;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_HANDOVER_STARTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_INTAKE_STARTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_REVIEW_STARTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_STAFF_CHANGES_REQUESTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_STAFF_DELIVERY_RETURNED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.NOTIFY_STAFF_KICKOFF_RETURNED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.SEND_BACK_CHANGES_REQUESTED;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.SEND_BACK_INTAKE_TO_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.SEND_BACK_REVIEW_TO_DELIVERY;
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
import static io.baton.delivery.ServiceDeliveryProcess.Variables.INTAKE_READY;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.KICKOFF_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.KICKOFF_OPEN_QUESTIONS;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_APPROVED;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.QA_NOTE;
import static io.baton.delivery.ServiceDeliveryProcess.Variables.SCOPE_CONFIRMED;
import static io.baton.engine.BuildingBlock.KIND_HANDOFF;
import static io.baton.engine.BuildingBlock.KIND_SEND_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
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

import io.baton.calendar.BusinessCalendars;
import io.baton.cases.CaseVariables;
import io.baton.delivery.RecordingBuildingBlocks.Call;
import io.baton.engine.BuildingBlock;
import io.baton.engine.BuildingBlock.Inputs;
import java.time.LocalDate;
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
 * The service-delivery process as the teams and the client live it: who gets which task, which
 * handoffs are recorded with which note, who is told what, where Intake, QA and the client send
 * work back, and when the check-in comes due.
 *
 * <p>Runs on the in-memory engine of {@code src/test/resources/camunda.cfg.xml}, where Baton's
 * building blocks are {@link RecordingBuildingBlocks recording doubles} and Baton's business
 * calendar counts the check-in timer's {@code business P7D} in working days. The coverage extension
 * fails the class unless its tests together pass every flow node and sequence flow of the model,
 * and writes its report under {@code target/process-test-coverage/}.
 */
@Deployment(resources = ServiceDeliveryProcessTest.MODEL)
class ServiceDeliveryProcessTest {

  /** Classpath name of the model: the designers' {@code processes/} folder ships under it. */
  static final String MODEL = "processes/service-delivery.bpmn";

  /** Notification templates the model sends: folders of {@code processes/notifications/}. */
  static final class Templates {
    static final String CASE_OPENED = "case-opened";
    static final String HANDOFF = "handoff";
    static final String CHANGES_IN_PROGRESS = "changes-in-progress";
    static final String WORK_SENT_BACK = "work-sent-back";

    static final List<String> ALL = List.of(CASE_OPENED, HANDOFF, CHANGES_IN_PROGRESS, WORK_SENT_BACK);

    private Templates() {}
  }

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE_WITH_COVERAGE =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private static final String CASE = "CASE-2027-0042";

  /** Where the engine's business calendar reads its calendars (see {@code camunda.cfg.xml}). */
  private static final String CALENDARS = "classpath*:processes/calendars/";

  /**
   * Where the teams work: the time zone of the {@code default} line of
   * {@code processes/calendars/working-hours.txt} (Mon-Fri 09:00-17:00, Bulgarian public holidays),
   * the calendar a {@code business P7D} timer counts on.
   */
  private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

  /**
   * The engine clock is fixed for every test: the deal is won on a Monday morning and the work is
   * handed over on a Friday morning, four weeks later. Tests move the clock forward, never
   * backward, so the history keeps the order in which things happened.
   */
  private static final ZonedDateTime DEAL_WON = ZonedDateTime.of(2027, 1, 11, 9, 0, 0, 0, SOFIA);

  /** Friday 5 February 2027, 11:00 in Sofia: no public holiday in the fortnight that follows. */
  private static final ZonedDateTime HANDOVER_DAY = ZonedDateTime.of(2027, 2, 5, 11, 0, 0, 0, SOFIA);

  /**
   * Seven working days after {@link #HANDOVER_DAY}, at the same time of day: Mon 8, Tue 9, Wed 10,
   * Thu 11, Fri 12, Mon 15, Tue 16 February. The weekends in between do not count.
   */
  private static final ZonedDateTime CHECK_IN_DUE = ZonedDateTime.of(2027, 2, 16, 11, 0, 0, 0, SOFIA);

  /** Liberation Day, a Bulgarian public holiday ({@code processes/calendars/holidays/BG.txt}): a Wednesday in 2027. */
  private static final LocalDate LIBERATION_DAY = LocalDate.of(2027, 3, 3);

  /** Friday 26 February 2027, 11:00 in Sofia: Liberation Day falls in the week after. */
  private static final ZonedDateTime HANDOVER_BEFORE_LIBERATION_DAY =
      ZonedDateTime.of(2027, 2, 26, 11, 0, 0, 0, SOFIA);

  /**
   * Seven working days after {@link #HANDOVER_BEFORE_LIBERATION_DAY}: Mon 1, Tue 2, (Wed 3 is
   * Liberation Day), Thu 4, Fri 5, Mon 8, Tue 9, Wed 10 March. Without the holiday it would be Tuesday.
   */
  private static final ZonedDateTime CHECK_IN_DUE_AFTER_LIBERATION_DAY =
      ZonedDateTime.of(2027, 3, 10, 11, 0, 0, 0, SOFIA);

  // What the teams write in their forms; each is distinct, so a test sees which one travelled.
  private static final String KICKOFF_SAYS = "Scope as quoted; contact is Ana.";
  private static final String KICKOFF_ASKS = "Which staging server may we use?";
  private static final String INTAKE_SAYS = "Two sprints, Ben leads.";
  private static final String DELIVERY_SAYS = "Delivered; check the staging link.";
  private static final String QA_SAYS = "All checks pass.";
  private static final String HANDOVER_SAYS = "Client is happy.";

  ProcessEngine engine;
  private RecordingBuildingBlocks blocks;

  @BeforeEach
  void useTheTestEngineAndRecordingBuildingBlocksOnTheDayTheDealIsWon() {
    init(engine);
    blocks = RecordingBuildingBlocks.register();
    ClockUtil.setCurrentTime(at(DEAL_WON));
  }

  @AfterEach
  void giveTheEngineItsClockBackAndForgetTheDoubles() {
    ClockUtil.reset();
    RecordingBuildingBlocks.unregister();
  }

  // --- the case opens ----------------------------------------------------------------------

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
  void clientIsToldTheCaseIsOpenBeforeTheAccountManagersKickOff() {
    ProcessInstance delivery = startCase();

    assertThat(blocks.described()).containsExactly(toClient(Templates.CASE_OPENED));
    Call caseOpened = blocks.onlyCallAt(NOTIFY_CASE_OPENED);
    assertThat(caseOpened.businessKey()).isEqualTo(CASE);
    assertThat(caseOpened.input(Inputs.CHANNELS)).as("all the channels the client allows").isNull();
    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
  }

  // --- the way forward -----------------------------------------------------------------------

  @Test
  void caseWalksFromKickoffToCheckInAndCloses() {
    ProcessInstance delivery = startCase();

    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    completeKickoff(delivery, KICKOFF_SAYS);

    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    assertThat(task()).hasCandidateGroup(DELIVERY_LEADS);
    completeIntake(delivery, true, INTAKE_SAYS);

    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    completeDelivery(delivery, DELIVERY_SAYS);

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    assertThat(task()).hasCandidateGroup(QA);
    completeReview(delivery, true, QA_SAYS);

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    ClockUtil.setCurrentTime(at(HANDOVER_DAY));
    completeHandover(delivery, true, HANDOVER_SAYS);

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(delivery).task().isNull();
    ClockUtil.setCurrentTime(at(CHECK_IN_DUE));
    execute(job());

    assertThat(delivery).isWaitingAtExactly(TASK_CHECK_IN);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
    complete(task(), withVariables(CHECK_IN_NOTE, "Going well; they want a follow-up in Q3."));

    assertThat(delivery)
        .hasPassedInOrder(
            START_DEAL_WON,
            NOTIFY_CASE_OPENED,
            GATEWAY_KICKOFF_MERGE,
            TASK_KICKOFF,
            HANDOFF_KICKOFF_TO_INTAKE,
            NOTIFY_INTAKE_STARTED,
            TASK_INTAKE,
            GATEWAY_INTAKE_READY,
            HANDOFF_INTAKE_TO_DELIVERY,
            NOTIFY_DELIVERY_STARTED,
            GATEWAY_DELIVERY_MERGE,
            TASK_DELIVERY,
            HANDOFF_DELIVERY_TO_REVIEW,
            NOTIFY_REVIEW_STARTED,
            TASK_QUALITY_REVIEW,
            GATEWAY_QUALITY_APPROVED,
            HANDOFF_REVIEW_TO_HANDOVER,
            NOTIFY_HANDOVER_STARTED,
            TASK_HANDOVER,
            GATEWAY_CLIENT_ACCEPTED,
            HANDOFF_HANDOVER_TO_CHECK_IN,
            NOTIFY_FOLLOW_UP,
            TIMER_CHECK_IN,
            TASK_CHECK_IN,
            END_CASE_CLOSED)
        .hasNotPassed(
            SEND_BACK_INTAKE_TO_KICKOFF,
            SEND_BACK_REVIEW_TO_DELIVERY,
            SEND_BACK_CHANGES_REQUESTED)
        .isEnded();
  }

  @Test
  void everyHandoffIsRecordedInOrderAndTheClientIsToldAfterEachOne() {
    ProcessInstance delivery = startCase();

    walkFromKickoffToTheCheckInTimer(delivery);

    assertThat(blocks.described()).containsExactly(
        toClient(Templates.CASE_OPENED),
        handoff(KIND_HANDOFF, TASK_KICKOFF, TASK_INTAKE),
        toClient(Templates.HANDOFF),
        handoff(KIND_HANDOFF, TASK_INTAKE, TASK_DELIVERY),
        toClient(Templates.HANDOFF),
        handoff(KIND_HANDOFF, TASK_DELIVERY, TASK_QUALITY_REVIEW),
        toClient(Templates.HANDOFF),
        handoff(KIND_HANDOFF, TASK_QUALITY_REVIEW, TASK_HANDOVER),
        toClient(Templates.HANDOFF),
        handoff(KIND_HANDOFF, TASK_HANDOVER, TASK_CHECK_IN),
        toClient(Templates.HANDOFF));
    assertThat(blocks.sendBacks()).isEmpty();
    assertThat(blocks.callsOf(BuildingBlock.NOTIFY_STAFF)).as("no team is told of work sent back").isEmpty();
    assertThat(blocks.calls()).allSatisfy(call -> assertThat(call.businessKey()).isEqualTo(CASE));
  }

  @Test
  void eachHandoffCarriesTheNoteTheStageBeforeWrote() {
    ProcessInstance delivery = startCase();

    walkFromKickoffToTheCheckInTimer(delivery);

    assertThat(blocks.handoffs())
        .extracting(Call::elementId, call -> call.input(Inputs.NOTE))
        .containsExactly(
            tuple(HANDOFF_KICKOFF_TO_INTAKE, KICKOFF_SAYS),
            tuple(HANDOFF_INTAKE_TO_DELIVERY, INTAKE_SAYS),
            tuple(HANDOFF_DELIVERY_TO_REVIEW, DELIVERY_SAYS),
            tuple(HANDOFF_REVIEW_TO_HANDOVER, QA_SAYS),
            tuple(HANDOFF_HANDOVER_TO_CHECK_IN, HANDOVER_SAYS));
    assertThat(blocks.onlyCallAt(HANDOFF_KICKOFF_TO_INTAKE).input(Inputs.OPEN_QUESTIONS))
        .as("Kickoff's open questions travel to Intake")
        .isEqualTo(KICKOFF_ASKS);
    assertThat(blocks.handoffs())
        .as("a forward handoff gives no reason")
        .allSatisfy(call -> assertThat(call.input(Inputs.REASON)).isNull());
  }

  @Test
  void aHandoffWhoseStageLeftTheNoteOutRecordsNoNote() {
    ProcessInstance delivery = startCase();
    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);

    complete(task(), withVariables(SCOPE_CONFIRMED, true));

    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    Call handoff = blocks.onlyCallAt(HANDOFF_KICKOFF_TO_INTAKE);
    assertThat(handoff.inputs()).doesNotContainKeys(Inputs.NOTE, Inputs.OPEN_QUESTIONS);
  }

  // --- work sent back ----------------------------------------------------------------------

  @Test
  void intakeSendsTheCaseBackToKickoffWhenSomethingIsMissing() {
    ProcessInstance delivery = startCase();
    completeKickoff(delivery, KICKOFF_SAYS);
    String missing = "No contact person for the data export; ask the client.";

    blocks.forget();
    completeIntake(delivery, false, missing);

    assertThat(blocks.described()).containsExactly(
        handoff(KIND_SEND_BACK, TASK_INTAKE, TASK_KICKOFF),
        toGroup(Templates.WORK_SENT_BACK, ACCOUNT_MANAGERS));
    assertThat(blocks.onlyCallAt(SEND_BACK_INTAKE_TO_KICKOFF).input(Inputs.REASON)).isEqualTo(missing);
    assertThat(blocks.clientMessages()).as("the client hears nothing of it").isEmpty();
    assertThat(delivery).hasPassedInOrder(GATEWAY_INTAKE_READY, SEND_BACK_INTAKE_TO_KICKOFF,
        NOTIFY_STAFF_KICKOFF_RETURNED, GATEWAY_KICKOFF_MERGE);
    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);

    blocks.forget();
    completeKickoff(delivery, "Contact for the export is Dana.");

    assertThat(blocks.described()).containsExactly(
        handoff(KIND_HANDOFF, TASK_KICKOFF, TASK_INTAKE),
        toClient(Templates.HANDOFF));
    assertThat(blocks.onlyCallAt(HANDOFF_KICKOFF_TO_INTAKE).input(Inputs.NOTE))
        .isEqualTo("Contact for the export is Dana.");
    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    completeIntake(delivery, true, INTAKE_SAYS);

    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(blocks.described()).containsExactly(
        handoff(KIND_HANDOFF, TASK_KICKOFF, TASK_INTAKE),
        toClient(Templates.HANDOFF),
        handoff(KIND_HANDOFF, TASK_INTAKE, TASK_DELIVERY),
        toClient(Templates.HANDOFF));
  }

  @Test
  void qualityReviewSendsWorkBackToDeliveryWithAReasonAndTheClientIsNotTold() {
    ProcessInstance delivery = startCaseAt(TASK_QUALITY_REVIEW);
    String reason = "The export drops the last row; fix it and add a test.";

    completeReview(delivery, false, reason);

    assertThat(blocks.described()).containsExactly(
        handoff(KIND_SEND_BACK, TASK_QUALITY_REVIEW, TASK_DELIVERY),
        toGroup(Templates.WORK_SENT_BACK, DELIVERY));
    assertThat(blocks.onlyCallAt(SEND_BACK_REVIEW_TO_DELIVERY).input(Inputs.REASON)).isEqualTo(reason);
    assertThat(blocks.clientMessages()).as("a QA send-back is internal").isEmpty();
    assertThat(delivery).hasPassedInOrder(GATEWAY_QUALITY_APPROVED, SEND_BACK_REVIEW_TO_DELIVERY,
        NOTIFY_STAFF_DELIVERY_RETURNED, GATEWAY_DELIVERY_MERGE);
    assertThat(delivery).hasNotPassed(NOTIFY_CHANGES_IN_PROGRESS);
    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    assertThat(taskService().getVariables(task().getId())).containsEntry(QA_NOTE, reason);

    blocks.forget();
    completeDelivery(delivery, "Last row fixed, test added.");

    assertThat(blocks.described()).containsExactly(
        handoff(KIND_HANDOFF, TASK_DELIVERY, TASK_QUALITY_REVIEW),
        toClient(Templates.HANDOFF));
    assertThat(blocks.onlyCallAt(HANDOFF_DELIVERY_TO_REVIEW).input(Inputs.NOTE))
        .isEqualTo("Last row fixed, test added.");
    completeReview(delivery, true, "Fixed.");

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(blocks.onlyCallAt(HANDOFF_REVIEW_TO_HANDOVER).input(Inputs.NOTE)).isEqualTo("Fixed.");
    assertThat(blocks.clientMessages()).doesNotContain(Templates.CHANGES_IN_PROGRESS);
  }

  @Test
  void clientAskingForChangesSendsWorkBackToDeliveryAndIsToldWeWorkOnIt() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    String changes = "Add the logo to the cover page.";

    completeHandover(delivery, false, changes);

    assertThat(blocks.described()).containsExactly(
        handoff(KIND_SEND_BACK, TASK_HANDOVER, TASK_DELIVERY),
        toClient(Templates.CHANGES_IN_PROGRESS),
        toGroup(Templates.WORK_SENT_BACK, DELIVERY));
    assertThat(blocks.onlyCallAt(SEND_BACK_CHANGES_REQUESTED).input(Inputs.REASON)).isEqualTo(changes);
    assertThat(delivery).hasPassedInOrder(GATEWAY_CLIENT_ACCEPTED, SEND_BACK_CHANGES_REQUESTED,
        NOTIFY_CHANGES_IN_PROGRESS, NOTIFY_STAFF_CHANGES_REQUESTED, GATEWAY_DELIVERY_MERGE);
    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    assertThat(task()).hasCandidateGroup(DELIVERY);
    assertThat(taskService().getVariables(task().getId())).containsEntry(CHANGE_REQUEST, changes);
    completeDelivery(delivery, "Logo added.");
    completeReview(delivery, true, "Logo is there.");

    blocks.forget();
    completeHandover(delivery, true, "Accepted the second time.");

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(blocks.described()).containsExactly(
        handoff(KIND_HANDOFF, TASK_HANDOVER, TASK_CHECK_IN),
        toClient(Templates.HANDOFF));
    assertThat(blocks.onlyCallAt(HANDOFF_HANDOVER_TO_CHECK_IN).input(Inputs.NOTE))
        .isEqualTo("Accepted the second time.");
  }

  @Test
  void theTeamThatGetsWorkBackIsTheTeamThatIsTold() {
    ProcessInstance delivery = startCase();
    completeKickoff(delivery, KICKOFF_SAYS);
    completeIntake(delivery, false, "Scope unclear.");
    String kickoffTeam = candidateGroupOfTheOpenTask(delivery);
    completeKickoff(delivery, "Scope clarified.");
    completeIntake(delivery, true, INTAKE_SAYS);
    completeDelivery(delivery, DELIVERY_SAYS);
    completeReview(delivery, false, "Broken link.");
    String deliveryTeamAfterQa = candidateGroupOfTheOpenTask(delivery);
    completeDelivery(delivery, "Link fixed.");
    completeReview(delivery, true, QA_SAYS);
    completeHandover(delivery, false, "Add the logo.");
    String deliveryTeamAfterClient = candidateGroupOfTheOpenTask(delivery);

    assertThat(blocks.onlyCallAt(NOTIFY_STAFF_KICKOFF_RETURNED).input(Inputs.GROUP)).isEqualTo(kickoffTeam);
    assertThat(blocks.onlyCallAt(NOTIFY_STAFF_DELIVERY_RETURNED).input(Inputs.GROUP)).isEqualTo(deliveryTeamAfterQa);
    assertThat(blocks.onlyCallAt(NOTIFY_STAFF_CHANGES_REQUESTED).input(Inputs.GROUP))
        .isEqualTo(deliveryTeamAfterClient);
    assertThat(blocks.callsOf(BuildingBlock.NOTIFY_STAFF))
        .allSatisfy(call -> assertThat(call.inputs()).doesNotContainKey(Inputs.USER));
  }

  // --- each round decides afresh -----------------------------------------------------------

  @Test
  void anIntakeAnswerFromAnEarlierRoundDoesNotDecideTheNextIntake() {
    ProcessInstance delivery = startCase();
    completeKickoff(delivery, KICKOFF_SAYS);
    completeIntake(delivery, false, "Scope unclear.");
    completeKickoff(delivery, "Scope clarified.");
    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    Task secondIntake = task();
    assertThat(taskService().getVariables(secondIntake.getId()))
        .as("the form does not show the earlier answer")
        .doesNotContainKey(INTAKE_READY);
    blocks.forget();

    assertThatThrownBy(() -> complete(secondIntake, withVariables(INTAKE_NOTE, "Fine now.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(INTAKE_READY);

    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    assertThat(task()).hasId(secondIntake.getId());
    assertThat(blocks.calls()).as("nothing sent back again, nothing handed on").isEmpty();
  }

  @Test
  void aQualityVerdictFromAnEarlierRoundDoesNotDecideTheNextReview() {
    ProcessInstance delivery = startCaseAt(TASK_QUALITY_REVIEW);
    completeReview(delivery, false, "Broken link.");
    completeDelivery(delivery, "Link fixed.");
    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    Task secondReview = task();
    assertThat(taskService().getVariables(secondReview.getId()))
        .as("the form does not show the earlier verdict")
        .doesNotContainKey(QA_APPROVED);
    blocks.forget();

    assertThatThrownBy(() -> complete(secondReview, withVariables(QA_NOTE, "Looks fine.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(QA_APPROVED);

    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    assertThat(task()).hasId(secondReview.getId());
    assertThat(blocks.calls()).as("not silently sent back again").isEmpty();
  }

  @Test
  void aClientAnswerFromAnEarlierRoundDoesNotDecideTheNextHandover() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    completeHandover(delivery, false, "Add the logo.");
    completeDelivery(delivery, "Logo added.");
    completeReview(delivery, true, "Logo is there.");
    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    Task secondHandover = task();
    assertThat(taskService().getVariables(secondHandover.getId()))
        .as("the form does not show the earlier answer")
        .doesNotContainKey(CLIENT_ACCEPTED);
    blocks.forget();

    assertThatThrownBy(() -> complete(secondHandover, withVariables(HANDOVER_NOTE, "Sent it over again.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(CLIENT_ACCEPTED);

    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    assertThat(task()).hasId(secondHandover.getId());
    assertThat(blocks.calls()).as("no second change request, no check-in").isEmpty();
  }

  @Test
  void intakeWithoutADecisionFailsAndStaysOpen() {
    ProcessInstance delivery = startCaseAt(TASK_INTAKE);
    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    Task intake = task();

    assertThatThrownBy(() -> complete(intake, withVariables(INTAKE_NOTE, "Planned.")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(INTAKE_READY);

    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    assertThat(task()).hasId(intake.getId());
    assertThat(delivery).variables().doesNotContainKeys(INTAKE_READY, INTAKE_NOTE);
    assertThat(blocks.calls()).isEmpty();
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
    assertThat(blocks.calls()).isEmpty();
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
    assertThat(blocks.calls()).isEmpty();
  }

  // --- the check-in ------------------------------------------------------------------------

  @Test
  void checkInComesDueSevenWorkingDaysAfterTheHandoverHandoff() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    ClockUtil.setCurrentTime(at(HANDOVER_DAY));

    completeHandover(delivery, true, HANDOVER_SAYS);

    assertThat(blocks.onlyCallAt(HANDOFF_HANDOVER_TO_CHECK_IN).at()).isEqualTo(at(HANDOVER_DAY));
    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(job())
        .as("Friday 5 February 11:00 plus 7 working days is Tuesday 16 February 11:00, Sofia time")
        .hasActivityId(TIMER_CHECK_IN)
        .hasDueDate(at(CHECK_IN_DUE));
    assertThat(blocks.clientMessages()).as("the client is told it is delivered").containsExactly(Templates.HANDOFF);

    ClockUtil.setCurrentTime(at(CHECK_IN_DUE));
    assertThat(runJobsThatAreDue()).isEqualTo(1);

    assertThat(delivery).isWaitingAtExactly(TASK_CHECK_IN);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
  }

  @Test
  void aPublicHolidayInTheWorkingWeekPushesTheCheckInOneWorkingDayLater() {
    assertThat(new BusinessCalendars(CALENDARS).defaultCalendar().holiday(LIBERATION_DAY))
        .as("%s is a holiday on the default calendar", LIBERATION_DAY)
        .isPresent();
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    ClockUtil.setCurrentTime(at(HANDOVER_BEFORE_LIBERATION_DAY));

    completeHandover(delivery, true, HANDOVER_SAYS);

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(job())
        .as("Friday 26 February 11:00 plus 7 working days, Liberation Day (3 March) not counted")
        .hasActivityId(TIMER_CHECK_IN)
        .hasDueDate(at(CHECK_IN_DUE_AFTER_LIBERATION_DAY));

    ClockUtil.setCurrentTime(at(CHECK_IN_DUE_AFTER_LIBERATION_DAY.minusDays(1)));
    assertThat(runJobsThatAreDue()).as("Tuesday 9 March, the seventh day but for the holiday").isZero();
    assertThat(checkInTasks()).isZero();

    ClockUtil.setCurrentTime(at(CHECK_IN_DUE_AFTER_LIBERATION_DAY));
    assertThat(runJobsThatAreDue()).isEqualTo(1);

    assertThat(delivery).isWaitingAtExactly(TASK_CHECK_IN);
    assertThat(task()).hasCandidateGroup(ACCOUNT_MANAGERS);
  }

  @Test
  void nothingIsDueAWorkingDayBeforeTheCheckIn() {
    ProcessInstance delivery = startCaseAt(TASK_HANDOVER);
    ClockUtil.setCurrentTime(at(HANDOVER_DAY));
    completeHandover(delivery, true, HANDOVER_SAYS);
    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(checkInTasks()).isZero();

    ClockUtil.setCurrentTime(at(HANDOVER_DAY.plusDays(7)));
    assertThat(runJobsThatAreDue()).as("a calendar week after the handover (Friday 12 February)").isZero();
    ClockUtil.setCurrentTime(at(CHECK_IN_DUE.minusDays(1)));
    assertThat(runJobsThatAreDue()).as("one working day before (Monday 15 February)").isZero();
    ClockUtil.setCurrentTime(at(CHECK_IN_DUE.minusMinutes(1)));
    assertThat(runJobsThatAreDue()).as("a minute before the seventh working day is up").isZero();

    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
    assertThat(checkInTasks()).isZero();
  }

  // --- the case, as Baton starts it -------------------------------------------------------

  private static VariableMap caseVariables() {
    return Variables.createVariables()
        .putValue(CaseVariables.CASE_KEY, CASE)
        .putValue(CaseVariables.CLIENT_NAME, "Northwind Traders")
        .putValue(CaseVariables.SERVICE, "Data migration")
        .putValue(CaseVariables.TIER, "Gold")
        .putValue(CaseVariables.PROMISED_DATE, "2027-02-26");
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

  // --- the stages, as the forms complete them ----------------------------------------------

  private static void completeKickoff(ProcessInstance delivery, String note) {
    assertThat(delivery).isWaitingAtExactly(TASK_KICKOFF);
    complete(task(delivery), withVariables(SCOPE_CONFIRMED, true, KICKOFF_NOTE, note, KICKOFF_OPEN_QUESTIONS, KICKOFF_ASKS));
  }

  /** Ready or not: the note is the plan, or what Kickoff must add. */
  private static void completeIntake(ProcessInstance delivery, boolean ready, String note) {
    assertThat(delivery).isWaitingAtExactly(TASK_INTAKE);
    complete(task(delivery), withVariables(INTAKE_READY, ready, INTAKE_NOTE, note));
  }

  private static void completeDelivery(ProcessInstance delivery, String note) {
    assertThat(delivery).isWaitingAtExactly(TASK_DELIVERY);
    complete(task(delivery), withVariables(DELIVERY_NOTE, note));
  }

  /** Approved or not: the note is the verdict, or why the work goes back. */
  private static void completeReview(ProcessInstance delivery, boolean approved, String note) {
    assertThat(delivery).isWaitingAtExactly(TASK_QUALITY_REVIEW);
    complete(task(delivery), withVariables(QA_APPROVED, approved, QA_NOTE, note));
  }

  /** Accepted with a handover note, or not accepted with the client's change request. */
  private static void completeHandover(ProcessInstance delivery, boolean accepted, String text) {
    assertThat(delivery).isWaitingAtExactly(TASK_HANDOVER);
    complete(task(delivery), accepted
        ? withVariables(CLIENT_ACCEPTED, true, HANDOVER_NOTE, text)
        : withVariables(CLIENT_ACCEPTED, false, CHANGE_REQUEST, text));
  }

  private static void walkFromKickoffToTheCheckInTimer(ProcessInstance delivery) {
    completeKickoff(delivery, KICKOFF_SAYS);
    completeIntake(delivery, true, INTAKE_SAYS);
    completeDelivery(delivery, DELIVERY_SAYS);
    completeReview(delivery, true, QA_SAYS);
    completeHandover(delivery, true, HANDOVER_SAYS);
    assertThat(delivery).isWaitingAtExactly(TIMER_CHECK_IN);
  }

  private static String candidateGroupOfTheOpenTask(ProcessInstance delivery) {
    List<String> groups = taskService().getIdentityLinksForTask(task(delivery).getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
    assertThat(groups).hasSize(1);
    return groups.get(0);
  }

  // --- time ----------------------------------------------------------------------------------

  /** The engine clock's (and a job's due date's) form of a moment. */
  private static Date at(ZonedDateTime moment) {
    return Date.from(moment.toInstant());
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
