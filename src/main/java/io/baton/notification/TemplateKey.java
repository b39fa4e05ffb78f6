package io.baton.notification;

/**
 * The variables a notification template may use, {@code {{clientName}}} and so on: each name is
 * written here once. {@link NotificationTemplate} says which of them each template is given.
 */
public enum TemplateKey {
  /** The client organisation's name. */
  CLIENT_NAME("clientName"),
  /** The case key, e.g. {@code C-1004}. */
  CASE_KEY("caseKey"),
  /** The service, from the glossary. */
  SERVICE_NAME("serviceName"),
  /** The stage the case is in now, from the glossary. */
  STAGE_NAME("stageName"),
  /** The team responsible now, from the glossary. */
  TEAM_NAME("teamName"),
  /** One sentence: what happens next, from the glossary. */
  NEXT_STEP("nextStep"),
  /** The promised date, formatted for the language. */
  PROMISED_DATE("promisedDate"),
  /** The stage just finished; absent when the case opens. */
  PREVIOUS_STAGE_NAME("previousStageName"),
  /** The handoff note the previous team wrote: internal, never in a client's message. */
  NOTE("note"),
  /** Why work was sent back, what the client asked to change, or what Baton waits for. */
  REASON("reason"),
  /** The client's private status page. */
  STATUS_LINK("statusLink"),
  /** Staff messages: the receiving team's name. */
  RECIPIENT_NAME("recipientName"),
  /** The date the case is now forecast to be delivered. */
  FORECAST_DATE("forecastDate"),
  /** Since when Baton waits for the client's input. */
  WAITING_SINCE("waitingSince"),
  /** The end of the client's contract. */
  CONTRACT_END("contractEnd"),
  /** The client's survey page. */
  SURVEY_LINK("surveyLink"),
  /** When the task is due, in the team's time zone. */
  DUE_AT("dueAt"),
  /** How long the task is overdue, in business time. */
  OVERDUE_BY("overdueBy"),
  /** 1 at the first escalation, 2 at the second. */
  ESCALATION_LEVEL("escalationLevel"),
  /** True at the second escalation. */
  SECOND_LEVEL("secondLevel");

  private final String key;

  TemplateKey(String key) {
    this.key = key;
  }

  /** The name as templates write it. */
  public String key() {
    return key;
  }
}
