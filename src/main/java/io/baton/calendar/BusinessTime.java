package io.baton.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due date written in business time in a BPMN model: {@code business P7D} (7 working days),
 * {@code business PT4H} (4 working hours), {@code business P1DT4H} (one working day, then 4 working
 * hours), and {@code business:<calendar> P2D} to count on a team's (or client-…) line of
 * {@code working-hours.txt} instead of {@code default}. Days keep the time of day
 * ({@link BusinessCalendar#plusWorkingDays}); hours, minutes and seconds count working time
 * ({@link BusinessCalendar#plus}).
 */
record BusinessTime(String calendar, int days, Duration time) {

  static final String KEYWORD = "business";
  private static final Pattern SYNTAX = Pattern.compile("(?i)business(?::(\\S*))?(?:\\s+(\\S+))?");
  private static final Pattern PERIOD =
      Pattern.compile("P(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CALENDAR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  static final String EXAMPLES = "e.g. 'business P2D' (2 working days), 'business PT4H' (4 working hours) "
      + "or 'business:delivery P1DT4H' (on the delivery team's calendar)";

  /** Whether the text asks for business time (it starts with the word {@code business}). */
  static boolean isBusinessTime(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip();
    return t.regionMatches(true, 0, KEYWORD, 0, KEYWORD.length())
        && (t.length() == KEYWORD.length() || t.charAt(KEYWORD.length()) == ':'
            || Character.isWhitespace(t.charAt(KEYWORD.length())));
  }

  /**
   * Reads {@code business[:<calendar>] <ISO-8601 duration in days, hours, minutes, seconds>}.
   *
   * @throws IllegalArgumentException with a message for the process designer
   */
  static BusinessTime parse(String text) {
    Matcher syntax = SYNTAX.matcher(text.strip());
    if (!syntax.matches() || syntax.group(2) == null) {
      throw new IllegalArgumentException("'" + text.strip() + "' needs a duration after 'business', " + EXAMPLES);
    }
    String calendar = syntax.group(1);
    if (calendar != null && !CALENDAR.matcher(calendar).matches()) {
      throw new IllegalArgumentException("'" + text.strip() + "' needs a calendar name after 'business:' "
          + "(a line of processes/calendars/working-hours.txt), " + EXAMPLES);
    }
    String period = syntax.group(2);
    Matcher parts = PERIOD.matcher(period);
    if (!parts.matches() || period.length() < 3) {
      throw new IllegalArgumentException("'" + period + "' in '" + text.strip() + "' is not a business duration: "
          + "write working days (P2D), working hours or minutes (PT4H, PT30M) or both (P1DT4H); "
          + "weeks, months and years are not business time");
    }
    try {
      int days = parts.group(1) == null ? 0 : Integer.parseInt(parts.group(1));
      Duration time = Duration.ofHours(number(parts.group(2)))
          .plusMinutes(number(parts.group(3)))
          .plusSeconds(number(parts.group(4)));
      return new BusinessTime(calendar, days, time);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + period + "' in '" + text.strip() + "' is too long", e);
    }
  }

  /** The due date: {@code days} working days after the start, then {@code time} of working time. */
  Instant dueFrom(Instant start, BusinessCalendars calendars) {
    BusinessCalendar on = calendar == null ? calendars.defaultCalendar() : calendars.forTeam(calendar);
    return on.plus(on.plusWorkingDays(start, days), time);
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
