package io.baton.calendar;

import io.baton.system.BatonClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;

/**
 * One of Camunda's calendars ({@code duration} for timer durations, {@code dueDate} for timer
 * dates and a user task's due and follow-up dates) that also understands business time:
 * {@code business P2D} counts on Baton's calendars ({@link BusinessTime}); anything else goes to
 * Camunda's own calendar unchanged.
 */
final class BusinessTimeCalendar implements BusinessCalendar {

  private final BusinessCalendar camunda;
  private final BusinessCalendars calendars;

  BusinessTimeCalendar(BusinessCalendar camunda, BusinessCalendars calendars) {
    this.camunda = camunda;
    this.calendars = calendars;
  }

  /** From now (the engine's clock), as Camunda does for a new timer. */
  @Override
  public Date resolveDuedate(String duedate) {
    return BusinessTime.isBusinessTime(duedate) ? business(duedate, null) : camunda.resolveDuedate(duedate);
  }

  /** From the start date (a timer's creation when its due date is recalculated), else from now. */
  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    return BusinessTime.isBusinessTime(duedate)
        ? business(duedate, startDate)
        : camunda.resolveDuedate(duedate, startDate);
  }

  /** A user task's due or follow-up date: from now, as Camunda counts them. */
  @Override
  public Date resolveDuedate(String duedate, Task task) {
    return BusinessTime.isBusinessTime(duedate) ? business(duedate, null) : camunda.resolveDuedate(duedate, task);
  }

  private Date business(String duedate, Date startDate) {
    Instant start = startDate != null ? startDate.toInstant() : BatonClock.now();
    try {
      return Date.from(BusinessTime.parse(duedate).dueFrom(start, calendars));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ProcessEngineException("Cannot compute the due date '" + duedate + "': " + e.getMessage(), e);
    }
  }
}
