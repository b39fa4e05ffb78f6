package io.baton.calendar;

import io.baton.calendar.BusinessCalendar.Hours;
import io.baton.engine.ProcessResources;
import io.baton.system.BatonConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the designers' calendar folder: {@code working-hours.txt} (one calendar a line) and
 * {@code holidays/<list>.txt} (one holiday a line). A line that is wrong stops start-up with a
 * {@link BatonConfigurationException} that names the file, the line and what is wrong. The format
 * is described in {@code processes/calendars/README.md}.
 */
final class CalendarFiles {

  static final String WORKING_HOURS = "working-hours.txt";
  static final String HOLIDAYS = "holidays/";
  static final String DEFAULT = "default";
  static final String CLIENT = "client";
  static final String CLIENT_PREFIX = "client-";
  static final String NO_HOLIDAYS = "none";

  private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final String EXAMPLE = "default  Mon-Fri  09:00-17:00  Europe/Sofia  BG,custom";
  private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
      "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
      "sun", DayOfWeek.SUNDAY);

  /** One holiday file: dated holidays and holidays that come back every year on the same day. */
  record HolidayList(String name, Map<LocalDate, String> dated, Map<MonthDay, String> yearly) {}

  private record Line(String file, int number, String text) {
    BatonConfigurationException error(String problem, String action) {
      return new BatonConfigurationException(file + " line " + number + ": " + problem,
          "Correct line " + number + " of " + file + " and start Baton again. " + action);
    }
  }

  private CalendarFiles() {}

  /** Every calendar of the folder by name, in the order of {@code working-hours.txt}. */
  static Map<String, BusinessCalendar> read(String location) {
    String folder = displayName(location);
    Map<String, String> files = new TreeMap<>();
    for (ProcessResources.Entry entry : ProcessResources.find(location, Set.of("txt"))) {
      files.putIfAbsent(entry.name(), read(entry, folder));
    }
    String hoursFile = files.get(WORKING_HOURS);
    if (hoursFile == null) {
      throw new BatonConfigurationException("There is no " + folder + WORKING_HOURS
          + ": Baton needs it to count SLA time in business hours.",
          "Create " + folder + WORKING_HOURS + " with at least the line '" + EXAMPLE
              + "' (see processes/calendars/README.md), or point baton.calendars.location at the folder that has it.");
    }
    Map<String, HolidayList> lists = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    files.forEach((name, content) -> {
      if (name.startsWith(HOLIDAYS) && name.indexOf('/', HOLIDAYS.length()) < 0) {
        String list = name.substring(HOLIDAYS.length(), name.length() - ".txt".length());
        lists.put(list, holidays(list, folder + name, content));
      }
    });
    Map<String, BusinessCalendar> calendars = workingHours(folder + WORKING_HOURS, hoursFile, lists);
    warnAboutMissingYears(folder, lists, calendars);
    return calendars;
  }

  static HolidayList holidays(String list, String file, String content) {
    Map<LocalDate, String> dated = new TreeMap<>();
    Map<MonthDay, String> yearly = new TreeMap<>();
    for (Line line : lines(file, content)) {
      String[] parts = line.text().split("\\s+", 2);
      String day = parts[0];
      if (parts.length < 2) {
        throw line.error("'" + day + "' needs the holiday's name after the date",
            "Write the date, a space and the name, e.g. '2026-12-24 Christmas Eve'.");
      }
      String name = parts[1].strip();
      if (day.startsWith("--")) {
        try {
          yearly.merge(MonthDay.parse(day), name, CalendarFiles::both);
        } catch (DateTimeParseException e) {
          throw line.error("'" + day + "' is not a day of the year",
              "A holiday that comes back every year is written --MM-DD, e.g. '--01-01 New Year's Day'.");
        }
      } else {
        try {
          dated.merge(LocalDate.parse(day), name, CalendarFiles::both);
        } catch (DateTimeParseException e) {
          throw line.error("'" + day + "' is not a date",
              "Write the date as YYYY-MM-DD (a real day of that month), e.g. '2026-12-24 Christmas Eve'.");
        }
      }
    }
    return new HolidayList(list, dated, yearly);
  }

  private static Map<String, BusinessCalendar> workingHours(String file, String content,
      Map<String, HolidayList> lists) {
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    Map<String, Integer> definedOn = new HashMap<>();
    Map<ZoneId, String> clientZones = new HashMap<>();
    for (Line line : lines(file, content)) {
      String[] fields = line.text().split("\\s+");
      if (fields.length != 5) {
        throw line.error("expected 5 fields (name, days, hours, time zone, holidays) but found " + fields.length,
            "Write one calendar a line, e.g. '" + EXAMPLE + "'; write 'none' if it has no holidays.");
      }
      String name = fields[0];
      if (!NAME.matcher(name).matches()) {
        throw line.error("'" + name + "' is not a calendar name",
            "Use 'default', 'client', client-<country> or a team's group id such as 'account-managers' "
                + "(letters, digits and hyphens).");
      }
      Integer first = definedOn.putIfAbsent(name, line.number());
      if (first != null) {
        throw line.error("the calendar '" + name + "' is already defined on line " + first,
            "Keep one line per calendar: delete or rename one of the two.");
      }
      ZoneId zone = zone(line, fields[3]);
      if (name.startsWith(CLIENT_PREFIX)) {
        String other = clientZones.putIfAbsent(zone, name);
        if (other != null) {
          throw line.error("'" + name + "' is for " + zone + ", like '" + other + "'",
              "Clients in one time zone share one client-<country> line: delete one of the two.");
        }
      }
      Map<LocalDate, String> holidays = new HashMap<>();
      Map<MonthDay, String> yearly = new HashMap<>();
      for (HolidayList list : holidayLists(line, fields[4], lists)) {
        list.dated().forEach((day, holiday) -> holidays.merge(day, holiday, CalendarFiles::both));
        list.yearly().forEach((day, holiday) -> yearly.merge(day, holiday, CalendarFiles::both));
      }
      calendars.put(name, new BusinessCalendar(name, zone, days(line, fields[1]), hours(line, fields[2]),
          holidays, yearly));
    }
    if (!calendars.containsKey(DEFAULT)) {
      throw new BatonConfigurationException(file + " has no '" + DEFAULT + "' line.",
          "Add the calendar of every team without a line of its own, e.g. '" + EXAMPLE + "', and start Baton again.");
    }
    return calendars;
  }

  private static Set<DayOfWeek> days(Line line, String field) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : field.split(",", -1)) {
      String[] range = item.split("-", -1);
      if (range.length > 2) {
        throw line.error("'" + item + "' is not a day nor a range of days", daysAction());
      }
      DayOfWeek from = day(line, range[0]);
      DayOfWeek to = range.length == 2 ? day(line, range[1]) : from;
      for (DayOfWeek day = from; ; day = day.plus(1)) {
        days.add(day);
        if (day == to) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(Line line, String text) {
    DayOfWeek day = DAYS.get(text.toLowerCase(Locale.ROOT));
    if (day == null) {
      throw line.error("'" + text + "' is not a day of the week", daysAction());
    }
    return day;
  }

  private static String daysAction() {
    return "Write the working days as Mon, Tue, Wed, Thu, Fri, Sat, Sun: a range such as Mon-Fri or Sun-Thu, "
        + "or a list such as Mon,Tue,Thu.";
  }

  private static List<Hours> hours(Line line, String field) {
    List<Hours> spans = new ArrayList<>();
    for (String item : field.split(",", -1)) {
      String[] ends = item.split("-", -1);
      if (ends.length != 2) {
        throw line.error("'" + item + "' are not working hours", hoursAction());
      }
      int from = minute(line, ends[0]);
      int to = minute(line, ends[1]);
      if (from >= to) {
        throw line.error("the working hours '" + item + "' end before they start",
            "Write the opening time first, e.g. 09:00-17:00; a working day cannot run past midnight (24:00).");
      }
      for (Hours other : spans) {
        if (from < other.to() && other.from() < to) {
          throw line.error("the working hours '" + item + "' overlap " + other, hoursAction());
        }
      }
      spans.add(new Hours(from, to));
    }
    return spans;
  }

  private static int minute(Line line, String text) {
    Matcher time = TIME.matcher(text);
    if (time.matches()) {
      int hour = Integer.parseInt(time.group(1));
      int minute = Integer.parseInt(time.group(2));
      if (minute < 60 && (hour < 24 || hour == 24 && minute == 0)) {
        return hour * 60 + minute;
      }
    }
    throw line.error("'" + text + "' is not a time of day", hoursAction());
  }

  private static String hoursAction() {
    return "Write the working hours as HH:MM-HH:MM (00:00 to 24:00), e.g. 09:00-17:00, "
        + "or several separated by commas for a break, e.g. 09:00-12:30,13:30-17:30.";
  }

  private static ZoneId zone(Line line, String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw line.error("'" + text + "' is not a time zone",
          "Use an IANA time zone name such as Europe/Sofia, Europe/Helsinki, Europe/Istanbul, Asia/Almaty "
              + "or Africa/Casablanca.");
    }
  }

  private static List<HolidayList> holidayLists(Line line, String field, Map<String, HolidayList> lists) {
    if (field.equalsIgnoreCase(NO_HOLIDAYS)) {
      return List.of();
    }
    List<HolidayList> found = new ArrayList<>();
    for (String name : field.split(",", -1)) {
      HolidayList list = lists.get(name);
      if (list == null) {
        throw line.error("there is no holiday list '" + name + "' (no file holidays/" + name + ".txt)",
            "Use the lists in holidays/ (" + (lists.isEmpty() ? "none yet" : String.join(", ", lists.keySet()))
                + "), separated by commas, or 'none'; or add holidays/" + name + ".txt.");
      }
      found.add(list);
    }
    return found;
  }

  /** A list with dated holidays but none this year is probably out of date (movable feasts, days off). */
  private static void warnAboutMissingYears(String folder, Map<String, HolidayList> lists,
      Map<String, BusinessCalendar> calendars) {
    int year = Year.now().getValue();
    for (HolidayList list : lists.values()) {
      boolean datedButNotThisYear = !list.dated().isEmpty()
          && list.dated().keySet().stream().noneMatch(day -> day.getYear() == year);
      if (datedButNotThisYear) {
        log.warn("{}{}{}.txt has no dated holidays for {}: add this year's movable holidays and days off.",
            folder, HOLIDAYS, list.name(), year);
      }
    }
    log.info("Business calendars from {}: {}", folder, calendars.keySet());
  }

  private static List<Line> lines(String file, String content) {
    List<Line> lines = new ArrayList<>();
    String[] texts = content.split("\\R", -1);
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i];
      int comment = text.indexOf('#');
      text = (comment < 0 ? text : text.substring(0, comment)).strip();
      if (!text.isEmpty()) {
        lines.add(new Line(file, i + 1, text));
      }
    }
    return lines;
  }

  private static String read(ProcessResources.Entry entry, String folder) {
    try (InputStream in = entry.open()) {
      String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return content.startsWith("\uFEFF") ? content.substring(1) : content;
    } catch (IOException e) {
      throw new BatonConfigurationException(folder + entry.name() + " cannot be read: " + e.getMessage(),
          "Check that the file exists and is readable, then start Baton again.");
    }
  }

  /** The folder as a designer knows it: {@code processes/calendars/} for the default location. */
  static String displayName(String location) {
    String folder = location.replaceFirst("^(classpath\\*?|file):/*", "");
    if (location.startsWith("file:")) {
      folder = "/" + folder;
    }
    return folder.endsWith("/") ? folder : folder + "/";
  }

  private static String both(String first, String second) {
    return first.equals(second) ? first : first + " / " + second;
  }
}
