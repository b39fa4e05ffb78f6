package io.baton.calendar;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The business calendars of {@code processes/calendars/}, read once at start-up: a line that is
 * wrong stops Baton with the file, the line and what to change.
 *
 * <ul>
 *   <li>{@link #forTeam}: the line named like the team's group id, else {@code default};
 *   <li>{@link #forClient}: the {@code client-…} line in the client's time zone if there is one
 *       (its own hours and holidays), else the {@code client} line's days, hours and holidays in the
 *       client's time zone;
 *   <li>{@link #defaultCalendar}: the {@code default} line.
 * </ul>
 *
 * <p>Outside Spring (tests), {@code new BusinessCalendars("classpath*:processes/calendars/")}.
 */
@Component
public class BusinessCalendars {

  private final Map<String, BusinessCalendar> calendars;
  private final Map<ZoneId, BusinessCalendar> clientsByZone;
  private final BusinessCalendar defaultCalendar;
  private final BusinessCalendar client;

  public BusinessCalendars(@Value("${baton.calendars.location:classpath*:processes/calendars/}") String location) {
    this.calendars = Map.copyOf(CalendarFiles.read(location));
    this.defaultCalendar = calendars.get(CalendarFiles.DEFAULT);
    this.client = calendars.getOrDefault(CalendarFiles.CLIENT, defaultCalendar);
    Map<ZoneId, BusinessCalendar> clients = new HashMap<>();
    calendars.values().stream()
        .filter(calendar -> calendar.name().startsWith(CalendarFiles.CLIENT_PREFIX))
        .forEach(calendar -> clients.put(calendar.zone(), calendar));
    this.clientsByZone = Map.copyOf(clients);
  }

  /** The calendar of a team (a Camunda group id such as {@code delivery}); {@code default} if it has none. */
  public BusinessCalendar forTeam(String team) {
    return team == null ? defaultCalendar : calendars.getOrDefault(team, defaultCalendar);
  }

  /**
   * A client's calendar in the client's time zone: the {@code client-…} line written for that zone,
   * else the {@code client} line's days, hours and holidays moved to the zone ({@code default}'s if
   * there is no {@code client} line). A null zone gives the {@code client} line as written.
   */
  public BusinessCalendar forClient(ZoneId zone) {
    if (zone == null) {
      return client;
    }
    BusinessCalendar local = clientsByZone.get(zone);
    return local != null ? local : client.inZone(zone);
  }

  /** The {@code default} line: for teams without a line of their own and for business timers. */
  public BusinessCalendar defaultCalendar() {
    return defaultCalendar;
  }

  /** The names of the lines in {@code working-hours.txt}. */
  public List<String> names() {
    return calendars.keySet().stream().sorted().toList();
  }
}
