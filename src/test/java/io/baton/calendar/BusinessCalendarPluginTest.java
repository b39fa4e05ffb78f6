package io.baton.calendar;

import static io.baton.calendar.BusinessCalendarTest.SOFIA;
import static io.baton.calendar.BusinessCalendarTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timers and task dates written in business time, on a standalone in-memory engine with the plugin. */
class BusinessCalendarPluginTest {

  private static BusinessCalendars calendars;
  private ProcessEngine engine;
  private RuntimeService runtime;
  private ManagementService management;

  @BeforeAll
  static void calendars() {
    calendars = new BusinessCalendars("classpath*:processes/calendars/");
  }

  @BeforeEach
  void engine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .setJobExecutorActivate(false)
            .setProcessEngineName("calendar-" + UUID.randomUUID());
    configuration.getProcessEnginePlugins().add(new BusinessCalendarPlugin(calendars));
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void aTwoBusinessDayTimerStartedOnFridayIsDueOnTuesdayAtTheSameTime() {
    now("2026-01-16T10:00");

    Job timer = timerOf(startWithTimer("business P2D"));

    assertThat(timer.getDuedate()).isEqualTo(date("2026-01-20T10:00"));
  }

  @Test
  void aPlainTimerKeepsCamundasMeaning() {
    now("2026-01-16T16:30");

    assertThat(timerOf(startWithTimer("PT1H")).getDuedate()).as("after closing time").isEqualTo(date("2026-01-16T17:30"));
    assertThat(timerOf(startWithTimer("P7D")).getDuedate()).as("calendar days").isEqualTo(date("2026-01-23T16:30"));
  }

  @Test
  void businessHoursSkipTheNightAndTheWeekend() {
    now("2026-01-16T15:00");

    assertThat(timerOf(startWithTimer("business PT4H")).getDuedate()).isEqualTo(date("2026-01-19T11:00"));
    assertThat(timerOf(startWithTimer("Business P1DT1H")).getDuedate()).isEqualTo(date("2026-01-19T16:00"));
  }

  @Test
  void aTimerCanCountOnATeamsCalendar() {
    now("2026-01-16T15:30");

    assertThat(timerOf(startWithTimer("business:delivery PT1H")).getDuedate())
        .as("delivery works 08:00-16:00").isEqualTo(date("2026-01-19T08:30"));
  }

  @Test
  void businessTimersSkipHolidays() {
    now("2026-04-09T10:00");

    assertThat(timerOf(startWithTimer("business P1D")).getDuedate())
        .as("over Orthodox Easter").isEqualTo(date("2026-04-14T10:00"));
  }

  @Test
  void theTimerFiresWhenTheEngineClockReachesItsDueDate() {
    now("2026-01-16T10:00");
    String instance = startWithTimer("business P2D");

    now("2026-01-19T23:59");
    assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isZero();

    now("2026-01-20T10:00");
    management.executeJob(timerOf(instance).getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void aRecalculatedDueDateCountsFromTheTimersCreationOrFromNow() {
    now("2026-01-16T10:00");
    String instance = startWithTimer("business P2D");
    now("2026-01-19T12:00");

    management.recalculateJobDuedate(timerOf(instance).getId(), true);
    assertThat(timerOf(instance).getDuedate()).as("from creation").isEqualTo(date("2026-01-20T10:00"));

    management.recalculateJobDuedate(timerOf(instance).getId(), false);
    assertThat(timerOf(instance).getDuedate()).as("from now").isEqualTo(date("2026-01-21T12:00"));
  }

  @Test
  void aUserTasksDueAndFollowUpDatesCanBeInBusinessTime() {
    now("2026-01-16T14:00");
    deploy("""
        <bpmn:userTask id="Task_Review" name="Review" camunda:dueDate="business P1D" camunda:followUpDate="business PT4H"/>
        """, "Task_Review");

    runtime.startProcessInstanceByKey("CalendarProcess");

    Task task = engine.getTaskService().createTaskQuery().singleResult();
    assertThat(task.getDueDate()).isEqualTo(date("2026-01-19T14:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(date("2026-01-19T10:00"));
  }

  @Test
  void aUserTaskWithAPlainDueDateKeepsCamundasMeaning() {
    now("2026-01-16T14:00");
    deploy("""
        <bpmn:userTask id="Task_Review" name="Review" camunda:dueDate="P1D" camunda:followUpDate="2026-02-01T12:00:00"/>
        """, "Task_Review");

    runtime.startProcessInstanceByKey("CalendarProcess");

    Task task = engine.getTaskService().createTaskQuery().singleResult();
    assertThat(task.getDueDate()).isEqualTo(date("2026-01-17T14:00"));
    assertThat(task.getFollowUpDate()).isNotNull();
  }

  @Test
  void aWrongBusinessTimeIsRejectedWhenTheModelDeploys() {
    assertThatThrownBy(() -> deploy(timer("business P2X"), "Timer_Wait"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Timer_Wait")
        .hasMessageContaining("'P2X'")
        .hasMessageContaining("is not a business duration");
    assertThatThrownBy(() -> deploy("""
        <bpmn:userTask id="Task_Review" camunda:dueDate="business:delivery"/>
        """, "Task_Review"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Task_Review")
        .hasMessageContaining("needs a duration after 'business'");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }

  @Test
  void aBusinessTimeCycleIsRejectedWhenTheModelDeploys() {
    assertThatThrownBy(() -> deploy("""
        <bpmn:intermediateCatchEvent id="Timer_Wait">
          <bpmn:timerEventDefinition><bpmn:timeCycle>business R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        """, "Timer_Wait"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("timeCycle");
  }

  private String startWithTimer(String duration) {
    deploy(timer(duration), "Timer_Wait");
    return runtime.startProcessInstanceByKey("CalendarProcess").getId();
  }

  private static String timer(String duration) {
    return """
        <bpmn:intermediateCatchEvent id="Timer_Wait">
          <bpmn:timerEventDefinition><bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        """.formatted(duration);
  }

  /** A process: start, then the element, then end. */
  private void deploy(String element, String elementId) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <bpmn:process id="CalendarProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Begin"/>
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_Begin" targetRef="%2$s"/>
            %1$s
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="%2$s" targetRef="EndEvent_Done"/>
            <bpmn:endEvent id="EndEvent_Done"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(element, elementId);
    engine.getRepositoryService().createDeployment().addString("calendar.bpmn", bpmn).deploy();
  }

  private Job timerOf(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
  }

  private static void now(String sofiaTime) {
    ClockUtil.setCurrentTime(date(sofiaTime));
  }

  private static Date date(String sofiaTime) {
    Instant instant = at(sofiaTime, SOFIA);
    return Date.from(instant);
  }
}
