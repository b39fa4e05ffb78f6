package io.baton.notification;

import static io.baton.notification.TemplateKey.CASE_KEY;
import static io.baton.notification.TemplateKey.CLIENT_NAME;
import static io.baton.notification.TemplateKey.CONTRACT_END;
import static io.baton.notification.TemplateKey.DUE_AT;
import static io.baton.notification.TemplateKey.ESCALATION_LEVEL;
import static io.baton.notification.TemplateKey.FORECAST_DATE;
import static io.baton.notification.TemplateKey.NEXT_STEP;
import static io.baton.notification.TemplateKey.NOTE;
import static io.baton.notification.TemplateKey.OVERDUE_BY;
import static io.baton.notification.TemplateKey.PREVIOUS_STAGE_NAME;
import static io.baton.notification.TemplateKey.PROMISED_DATE;
import static io.baton.notification.TemplateKey.REASON;
import static io.baton.notification.TemplateKey.RECIPIENT_NAME;
import static io.baton.notification.TemplateKey.SECOND_LEVEL;
import static io.baton.notification.TemplateKey.SERVICE_NAME;
import static io.baton.notification.TemplateKey.STAGE_NAME;
import static io.baton.notification.TemplateKey.STATUS_LINK;
import static io.baton.notification.TemplateKey.SURVEY_LINK;
import static io.baton.notification.TemplateKey.TEAM_NAME;
import static io.baton.notification.TemplateKey.WAITING_SINCE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The notification templates Baton knows, by their folder in {@code processes/notifications/}, with
 * the variables each is given: the one list that the template tests check every language against.
 * A model may also name a template the designers added; it is given what the Notify client and
 * Notify staff blocks give ({@link #BUILDING_BLOCK_KEYS}).
 */
public enum NotificationTemplate {
  CASE_OPENED("case-opened", Audience.CLIENT),
  HANDOFF("handoff", Audience.CLIENT, PREVIOUS_STAGE_NAME, REASON),
  CHANGES_IN_PROGRESS("changes-in-progress", Audience.CLIENT, PREVIOUS_STAGE_NAME, REASON),
  NEW_WORK("new-work", Audience.STAFF, PREVIOUS_STAGE_NAME, NOTE, REASON),
  WORK_SENT_BACK("work-sent-back", Audience.STAFF, PREVIOUS_STAGE_NAME, NOTE, REASON),
  CLIENT_INPUT_REMINDER("client-input-reminder", Audience.CLIENT, REASON, WAITING_SINCE),
  DELAY_NOTICE("delay-notice", Audience.CLIENT, PREVIOUS_STAGE_NAME, REASON, FORECAST_DATE),
  DELAY_FORECAST("delay-forecast", Audience.STAFF, FORECAST_DATE),
  SATISFACTION_SURVEY("satisfaction-survey", Audience.CLIENT, SURVEY_LINK),
  RENEWAL_REMINDER("renewal-reminder", Audience.STAFF, CONTRACT_END),
  TASK_REMINDER("task-reminder", Audience.STAFF, DUE_AT),
  TASK_ESCALATED("task-escalated", Audience.STAFF, DUE_AT, OVERDUE_BY, ESCALATION_LEVEL, SECOND_LEVEL);

  /** What a template that only a model names is given by the Notify client and Notify staff blocks. */
  public static final Set<TemplateKey> BUILDING_BLOCK_KEYS = Set.copyOf(EnumSet.of(CLIENT_NAME, CASE_KEY,
      SERVICE_NAME, PROMISED_DATE, STAGE_NAME, TEAM_NAME, NEXT_STEP, PREVIOUS_STAGE_NAME, NOTE, REASON, STATUS_LINK,
      RECIPIENT_NAME));

  private final String id;
  private final Audience audience;
  private final Set<TemplateKey> keys;

  NotificationTemplate(String id, Audience audience, TemplateKey... more) {
    this.id = id;
    this.audience = audience;
    // What every message is given: the case, its client, service, promise and current stage.
    EnumSet<TemplateKey> keys = EnumSet.of(CLIENT_NAME, CASE_KEY, SERVICE_NAME, PROMISED_DATE, STAGE_NAME,
        TEAM_NAME, NEXT_STEP);
    keys.addAll(Arrays.asList(more));
    keys.add(audience == Audience.CLIENT ? STATUS_LINK : RECIPIENT_NAME);
    this.keys = Set.copyOf(keys);
  }

  /** The template's folder in processes/notifications/. */
  public String id() {
    return id;
  }

  public Audience audience() {
    return audience;
  }

  /** The variables the template may use; a client's message is never given the internal note. */
  public Set<TemplateKey> keys() {
    return keys;
  }

  public static Optional<NotificationTemplate> of(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** The variables the template {@code id} may use, declared here or given by the building blocks. */
  public static Set<TemplateKey> keysOf(String id) {
    return of(id).map(NotificationTemplate::keys).orElse(BUILDING_BLOCK_KEYS);
  }
}
