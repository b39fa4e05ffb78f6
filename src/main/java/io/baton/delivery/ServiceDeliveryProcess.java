package io.baton.delivery;

import io.baton.handoff.HandoffService;
import io.baton.security.Groups;

/**
 * Names in {@code processes/service-delivery.bpmn} that Java code refers to. The model is the
 * designers' file: when they rename an element, this is the one place to follow.
 */
public final class ServiceDeliveryProcess {

  public static final String KEY = "ServiceDeliveryProcess";

  private ServiceDeliveryProcess() {}

  public static final class Elements {
    public static final String START_DEAL_WON = "StartEvent_DealWon";
    public static final String NOTIFY_CASE_OPENED = "Notify_CaseOpened";
    public static final String GATEWAY_KICKOFF_MERGE = "Gateway_KickoffMerge";
    public static final String TASK_KICKOFF = "Task_Kickoff";
    public static final String HANDOFF_KICKOFF_TO_INTAKE = "Handoff_KickoffToIntake";
    public static final String NOTIFY_INTAKE_STARTED = "Notify_IntakeStarted";
    public static final String TASK_INTAKE = "Task_Intake";
    public static final String GATEWAY_INTAKE_READY = "Gateway_IntakeReady";
    public static final String HANDOFF_INTAKE_TO_DELIVERY = "Handoff_IntakeToDelivery";
    public static final String NOTIFY_DELIVERY_STARTED = "Notify_DeliveryStarted";
    public static final String SEND_BACK_INTAKE_TO_KICKOFF = "SendBack_IntakeToKickoff";
    public static final String NOTIFY_STAFF_KICKOFF_RETURNED = "NotifyStaff_KickoffReturned";
    public static final String GATEWAY_DELIVERY_MERGE = "Gateway_DeliveryMerge";
    public static final String TASK_DELIVERY = "Task_Delivery";
    public static final String HANDOFF_DELIVERY_TO_REVIEW = "Handoff_DeliveryToReview";
    public static final String NOTIFY_REVIEW_STARTED = "Notify_ReviewStarted";
    public static final String TASK_QUALITY_REVIEW = "Task_QualityReview";
    public static final String GATEWAY_QUALITY_APPROVED = "Gateway_QualityApproved";
    public static final String HANDOFF_REVIEW_TO_HANDOVER = "Handoff_ReviewToHandover";
    public static final String NOTIFY_HANDOVER_STARTED = "Notify_HandoverStarted";
    public static final String SEND_BACK_REVIEW_TO_DELIVERY = "SendBack_ReviewToDelivery";
    public static final String NOTIFY_STAFF_DELIVERY_RETURNED = "NotifyStaff_DeliveryReturned";
    public static final String TASK_HANDOVER = "Task_Handover";
    public static final String GATEWAY_CLIENT_ACCEPTED = "Gateway_ClientAccepted";
    public static final String HANDOFF_HANDOVER_TO_CHECK_IN = "Handoff_HandoverToCheckIn";
    public static final String NOTIFY_FOLLOW_UP = "Notify_FollowUp";
    public static final String SEND_BACK_CHANGES_REQUESTED = "SendBack_ChangesRequested";
    public static final String NOTIFY_CHANGES_IN_PROGRESS = "Notify_ChangesInProgress";
    public static final String NOTIFY_STAFF_CHANGES_REQUESTED = "NotifyStaff_ChangesRequested";
    public static final String TIMER_CHECK_IN = "Timer_CheckIn";
    public static final String TASK_CHECK_IN = "Task_CheckIn";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";

    private Elements() {}
  }

  /** Variables the stage forms collect or show; the case context itself is in {@code CaseVariables}. */
  public static final class Variables {
    public static final String SCOPE_CONFIRMED = "scopeConfirmed";
    public static final String KICKOFF_NOTE = "kickoffNote";
    public static final String KICKOFF_OPEN_QUESTIONS = "kickoffOpenQuestions";
    public static final String INTAKE_READY = "intakeReady";
    public static final String INTAKE_NOTE = "intakeNote";
    public static final String DELIVERY_NOTE = "deliveryNote";
    public static final String QA_APPROVED = "qaApproved";
    public static final String QA_NOTE = "qaNote";
    public static final String CLIENT_ACCEPTED = "clientAccepted";
    public static final String CHANGE_REQUEST = "changeRequest";
    public static final String HANDOVER_NOTE = "handoverNote";
    public static final String CHECK_IN_NOTE = "checkInNote";
    /** The case timeline the forms show; kept up to date by each recorded handoff. */
    public static final String CASE_TIMELINE = HandoffService.TIMELINE_VARIABLE;

    private Variables() {}
  }

  /** The teams (Camunda groups) that own the stages. */
  public static final class Teams {
    public static final String ACCOUNT_MANAGERS = Groups.ACCOUNT_MANAGERS;
    public static final String DELIVERY_LEADS = Groups.DELIVERY_LEADS;
    public static final String DELIVERY = Groups.DELIVERY;
    public static final String QA = Groups.QA;

    private Teams() {}
  }
}
