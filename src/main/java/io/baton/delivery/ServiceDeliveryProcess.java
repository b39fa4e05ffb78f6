package io.baton.delivery;

/**
 * Names in {@code processes/service-delivery.bpmn} that Java code refers to. The model is the
 * designers' file: when they rename an element, this is the one place to follow.
 */
public final class ServiceDeliveryProcess {

  public static final String KEY = "ServiceDeliveryProcess";

  private ServiceDeliveryProcess() {}

  public static final class Elements {
    public static final String START_DEAL_WON = "StartEvent_DealWon";
    public static final String TASK_KICKOFF = "Task_Kickoff";
    public static final String TASK_INTAKE = "Task_Intake";
    public static final String GATEWAY_DELIVERY_MERGE = "Gateway_DeliveryMerge";
    public static final String TASK_DELIVERY = "Task_Delivery";
    public static final String TASK_QUALITY_REVIEW = "Task_QualityReview";
    public static final String GATEWAY_QUALITY_APPROVED = "Gateway_QualityApproved";
    public static final String TASK_HANDOVER = "Task_Handover";
    public static final String GATEWAY_CLIENT_ACCEPTED = "Gateway_ClientAccepted";
    public static final String TIMER_CHECK_IN = "Timer_CheckIn";
    public static final String TASK_CHECK_IN = "Task_CheckIn";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";

    private Elements() {}
  }

  /** Variables the stage forms collect; the case context itself is in {@code CaseVariables}. */
  public static final class Variables {
    public static final String SCOPE_CONFIRMED = "scopeConfirmed";
    public static final String KICKOFF_NOTE = "kickoffNote";
    public static final String INTAKE_NOTE = "intakeNote";
    public static final String DELIVERY_NOTE = "deliveryNote";
    public static final String QA_APPROVED = "qaApproved";
    public static final String QA_NOTE = "qaNote";
    public static final String CLIENT_ACCEPTED = "clientAccepted";
    public static final String CHANGE_REQUEST = "changeRequest";
    public static final String HANDOVER_NOTE = "handoverNote";
    public static final String CHECK_IN_NOTE = "checkInNote";

    private Variables() {}
  }

  /** The teams (Camunda groups) that own the stages. */
  public static final class Teams {
    public static final String ACCOUNT_MANAGERS = "account-managers";
    public static final String DELIVERY_LEADS = "delivery-leads";
    public static final String DELIVERY = "delivery";
    public static final String QA = "qa";

    private Teams() {}
  }
}
