package io.baton.operations;

import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseDelivered;
import io.baton.cases.CaseService;
import io.baton.followup.FollowUpSent;
import io.baton.notification.NotificationAttempted;
import io.baton.sla.DelayAnnounced;
import io.baton.sla.SlaStepTaken;
import io.baton.system.ScanFinished;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns Baton's events into metrics. What happens in a transaction (an SLA step, a delay notice, a
 * delivery) counts once it commits: a step that rolls back, and is taken again later, counts once.
 */
@Component
class MetricsRecorder {

  private static final Logger log = LoggerFactory.getLogger(MetricsRecorder.class);

  private final BatonMetrics metrics;
  private final CaseService cases;
  private final BusinessCalendars calendars;

  MetricsRecorder(BatonMetrics metrics, CaseService cases, BusinessCalendars calendars) {
    this.metrics = metrics;
    this.cases = cases;
    this.calendars = calendars;
  }

  @EventListener
  void on(NotificationAttempted attempt) {
    safely(() -> metrics.attempted(attempt));
  }

  @EventListener
  void on(ScanFinished scan) {
    safely(() -> metrics.scanned(scan.scan(), scan.items(), scan.took()));
  }

  @EventListener
  void on(SlaStepTaken step) {
    afterCommit(() -> {
      switch (step.kind()) {
        case REMINDER -> metrics.reminded(step.stage());
        case CLIENT_REMINDER -> metrics.clientReminded(step.stage());
        case ESCALATION -> {
          metrics.escalated(step.stage(), step.level());
          if (step.breach()) {
            metrics.breached(step.stage());
          }
        }
      }
    });
  }

  @EventListener
  void on(DelayAnnounced delay) {
    afterCommit(metrics::delayAnnounced);
  }

  @EventListener
  void on(FollowUpSent followUp) {
    afterCommit(() -> metrics.followUpSent(followUp.kind().name()));
  }

  /**
   * In the delivery's transaction, with the case as it stands then: the promise and the last
   * forecast against the day it was delivered, in working days of the client's calendar.
   */
  @EventListener
  void on(CaseDelivered delivered) {
    try {
      forecastError(delivered);
    } catch (RuntimeException e) {
      log.warn("The forecast error of case {} could not be recorded: {}", delivered.caseKey(), e.toString());
    }
  }

  private void forecastError(CaseDelivered delivered) {
    Case theCase = cases.get(delivered.caseKey());
    BusinessCalendar calendar = calendars.forClient(theCase.getClient().getTimeZone());
    LocalDate deliveredOn = delivered.at().atZone(theCase.getClient().getTimeZone()).toLocalDate();
    LocalDate promised = theCase.getPromisedDate();
    LocalDate forecast = theCase.getForecastDate();
    afterCommit(() -> {
      metrics.delivered(!deliveredOn.isAfter(promised));
      metrics.forecastError("promise", workingDaysBetween(calendar, promised, deliveredOn));
      if (forecast != null) {
        metrics.forecastError("forecast", workingDaysBetween(calendar, forecast, deliveredOn));
      }
    });
  }

  /** Working days from {@code expected} to {@code actual}: positive when late, negative when early. */
  /** Working days from {@code expected} to {@code actual}; negative when {@code actual} is earlier. */
  static long workingDaysBetween(BusinessCalendar calendar, LocalDate expected, LocalDate actual) {
    return expected.isBefore(actual) ? calendar.workingDaysAfter(expected, actual)
        : -calendar.workingDaysAfter(actual, expected);
  }

  private static void afterCommit(Runnable record) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          safely(record);
        }
      });
    } else {
      safely(record);
    }
  }

  /** A metric that cannot be recorded is logged; it never fails the work it measures. */
  private static void safely(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException e) {
      log.warn("A metric could not be recorded: {}", e.toString());
    }
  }
}
