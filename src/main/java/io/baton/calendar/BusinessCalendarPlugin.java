package io.baton.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets process designers write timers and task dates in business time: a timer's
 * {@code timeDuration} or {@code timeDate}, or a user task's {@code camunda:dueDate} or
 * {@code camunda:followUpDate}, written {@code business P7D}, {@code business PT4H} or
 * {@code business:<team> P2D}, counts working days and hours on Baton's calendars
 * ({@link BusinessTime}). Every other value keeps Camunda's meaning; cycles are Camunda's own.
 */
@Component
class BusinessCalendarPlugin extends AbstractProcessEnginePlugin {

  private final BusinessCalendars calendars;

  BusinessCalendarPlugin(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBusinessCalendarManager(manager(configuration.getBusinessCalendarManager()));
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new BusinessTimeCheck());
  }

  /**
   * Camunda's calendars ("duration", "dueDate", "cycle") with business time added to the first two.
   * A manager someone else installed before is kept for every other name.
   */
  BusinessCalendarManager manager(BusinessCalendarManager installed) {
    if (installed == null) {
      MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
      manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
          new BusinessTimeCalendar(new DurationBusinessCalendar(), calendars));
      manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
          new BusinessTimeCalendar(new DueDateBusinessCalendar(), calendars));
      manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
      return manager;
    }
    BusinessCalendar duration = installed.getBusinessCalendar(DurationBusinessCalendar.NAME);
    BusinessCalendar dueDate = installed.getBusinessCalendar(DueDateBusinessCalendar.NAME);
    Map<String, BusinessTimeCalendar> wrapped = Map.of(
        DurationBusinessCalendar.NAME,
        new BusinessTimeCalendar(duration != null ? duration : new DurationBusinessCalendar(), calendars),
        DueDateBusinessCalendar.NAME,
        new BusinessTimeCalendar(dueDate != null ? dueDate : new DueDateBusinessCalendar(), calendars));
    return name -> wrapped.containsKey(name) ? wrapped.get(name) : installed.getBusinessCalendar(name);
  }
}
