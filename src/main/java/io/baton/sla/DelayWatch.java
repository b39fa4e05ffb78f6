package io.baton.sla;

import io.baton.cases.Case;
import io.baton.cases.CasePromises;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.engine.StageStarted;
import io.baton.notification.Channel;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.notification.TemplateKey;
import io.baton.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells the client before a promise breaks: whenever the forecast passes the promised date, the
 * promise moves to the forecast, the client gets a delay notice with the new date and the account
 * managers are told. Once per slip: the same date is never announced twice. Checked at every
 * stage start and whenever the SLA scanner finds late work.
 */
@Component
class DelayWatch {


  private final Forecaster forecaster;
  private final CasePromises promises;
  private final CaseService cases;
  private final NotificationService notifications;
  private final ApplicationEventPublisher events;

  DelayWatch(Forecaster forecaster, CasePromises promises, CaseService cases, NotificationService notifications,
      ApplicationEventPublisher events) {
    this.events = events;
    this.forecaster = forecaster;
    this.promises = promises;
    this.cases = cases;
    this.notifications = notifications;
  }

  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void on(StageStarted stage) {
    check(stage.caseKey(), stage.processDefinitionId(), stage.at());
  }

  /** Forecasts the case and announces a slip; true when a delay notice was written. */
  boolean check(String caseKey, String processDefinitionId, Instant now) {
    Optional<LocalDate> forecast = forecaster.forecast(caseKey, processDefinitionId, now);
    if (forecast.isEmpty()) {
      return false;
    }
    LocalDate date = forecast.get();
    promises.forecast(caseKey, date);
    Case theCase = cases.get(caseKey);
    LocalDate promised = theCase.getPromisedDate();
    if (!date.isAfter(promised) || !promises.change(caseKey, date, "forecast passed the promised date")) {
      return false;
    }
    String step = "delay:" + caseKey + ":" + date;
    notifications.notifyClient(caseKey, NotificationTemplate.DELAY_NOTICE.id(), EnumSet.allOf(Channel.class), step,
        language -> Map.of(
        TemplateKey.FORECAST_DATE.key(), NotificationService.formatDate(date, language),
        TemplateKey.PROMISED_DATE.key(), NotificationService.formatDate(promised, language)));
    notifications.notifyStaff(caseKey, NotificationTemplate.DELAY_FORECAST.id(), null, Groups.ACCOUNT_MANAGERS, step,
        Map.of(
        TemplateKey.FORECAST_DATE.key(), NotificationService.formatDate(date, Language.EN),
        TemplateKey.PROMISED_DATE.key(), NotificationService.formatDate(promised, Language.EN)));
    events.publishEvent(new DelayAnnounced(caseKey, promised, date));
    return true;
  }
}
