package io.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When one team (or client) works: working days, working hours and holidays in one time zone.
 * Business time is the working time between two instants; SLA targets count in it.
 *
 * <p>Everything is computed in the zone's local time, day by day, and converted to instants with
 * {@link ZonedDateTime}, so a day whose clocks change (daylight saving) still opens and closes at
 * its local hours and is an hour shorter or longer in absolute time only if the change falls
 * inside the working hours. Working time is a half-open range: a 09:00-17:00 day includes 09:00
 * and excludes 17:00. Time that runs out exactly at a closing time ends there (a Friday 09:00 start
 * plus 8 working hours is Friday 17:00, not Monday 09:00).
 *
 * <p>Immutable and thread-safe. Built from {@code processes/calendars/} by {@link BusinessCalendars}.
 */
public final class BusinessCalendar {

  /** How far ahead to look for working time before deciding there is none (about ten years). */
  private static final int MAX_DAYS_WITHOUT_WORK = 3660;
  private static final int MINUTES_PER_DAY = 24 * 60;

  /** Working hours of a day, in minutes after local midnight; {@code to} may be 1440 (24:00). */
  record Hours(int from, int to) {
    Hours {
      if (from < 0 || to > MINUTES_PER_DAY || from >= to) {
        throw new IllegalArgumentException("working hours " + from + "-" + to + " (minutes)");
      }
    }

    Instant start(LocalDate day, ZoneId zone) {
      return at(day, from, zone);
    }

    Instant end(LocalDate day, ZoneId zone) {
      return at(day, to, zone);
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
      return minute == MINUTES_PER_DAY
          ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : ZonedDateTime.of(day, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }

    @Override
    public String toString() {
      return "%02d:%02d-%02d:%02d".formatted(from / 60, from % 60, to / 60, to % 60);
    }
  }

  private record Interval(Instant start, Instant end) {}

  private final String name;
  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final List<Hours> hours;
  private final Map<LocalDate, String> holidays;
  private final Map<MonthDay, String> yearlyHolidays;

  BusinessCalendar(String name, ZoneId zone, Set<DayOfWeek> workingDays, List<Hours> hours,
      Map<LocalDate, String> holidays, Map<MonthDay, String> yearlyHolidays) {
    if (workingDays.isEmpty() || hours.isEmpty()) {
      throw new IllegalArgumentException("A calendar needs working days and working hours");
    }
    this.name = Objects.requireNonNull(name);
    this.zone = Objects.requireNonNull(zone);
    this.workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
    this.hours = hours.stream().sorted((a, b) -> Integer.compare(a.from(), b.from())).toList();
    this.holidays = Map.copyOf(holidays);
    this.yearlyHolidays = Map.copyOf(yearlyHolidays);
  }

  /** The same working days, hours and holidays in another time zone (a client's calendar). */
  BusinessCalendar inZone(ZoneId otherZone) {
    return otherZone.equals(zone) ? this
        : new BusinessCalendar(name, otherZone, workingDays, hours, holidays, yearlyHolidays);
  }

  /** The name of the line in {@code working-hours.txt} this calendar was read from. */
  public String name() {
    return name;
  }

  /** The time zone whose local time the working hours are in. */
  public ZoneId zone() {
    return zone;
  }

  /** A working day: one of the calendar's days of the week and not a holiday. */
  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && holiday(day).isEmpty();
  }

  /** The working days after {@code from}, up to and including {@code to}; 0 when {@code to} is not later. */
  public int workingDaysAfter(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
  }

  /** The name of the holiday on that day, if it is one of the calendar's holidays. */
  public Optional<String> holiday(LocalDate day) {
    String holiday = holidays.get(day);
    return Optional.ofNullable(holiday != null ? holiday : yearlyHolidays.get(MonthDay.from(day)));
  }

  /** Whether the instant lies inside the working hours of a working day. */
  public boolean isWorkingTime(Instant instant) {
    Interval interval = firstIntervalEndingAfter(instant);
    return !interval.start().isAfter(instant);
  }

  /** The instant itself if it is working time, else the next opening. */
  public Instant nextWorkingTime(Instant instant) {
    return latest(instant, firstIntervalEndingAfter(instant).start());
  }

  /**
   * Adds working time: nights, non-working days and holidays do not count. A start outside the
   * working hours starts at the next opening, so adding zero gives {@link #nextWorkingTime}.
   *
   * @throws IllegalArgumentException if the business time is negative
   */
  public Instant plus(Instant from, Duration businessTime) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("Business time must not be negative: " + businessTime);
    }
    Duration remaining = businessTime;
    Instant cursor = from;
    while (true) {
      Interval interval = firstIntervalEndingAfter(cursor);
      Instant begin = latest(cursor, interval.start());
      Duration available = Duration.between(begin, interval.end());
      if (remaining.compareTo(available) <= 0) {
        return begin.plus(remaining);
      }
      remaining = remaining.minus(available);
      cursor = interval.end();
    }
  }

  /**
   * The same local time of day {@code days} working days later: Friday 10:00 plus two working
   * days is Tuesday 10:00. A start outside the working hours first moves to the next opening
   * (Saturday 11:00 plus one is Tuesday 09:00); a result outside them moves to the next opening
   * too (a time of day that falls in a break or in a shorter day).
   *
   * @throws IllegalArgumentException if days is negative
   */
  public Instant plusWorkingDays(Instant from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("Working days must not be negative: " + days);
    }
    ZonedDateTime start = nextWorkingTime(from).atZone(zone);
    LocalDate day = start.toLocalDate();
    for (int counted = 0, skipped = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
        skipped = 0;
      } else if (++skipped > MAX_DAYS_WITHOUT_WORK) {
        throw noWorkingTimeAfter(start.toInstant());
      }
    }
    return nextWorkingTime(ZonedDateTime.of(day, start.toLocalTime(), zone).toInstant());
  }

  /**
   * The working time between two instants; negative if {@code to} is before {@code from}. The
   * inverse of {@link #plus}: {@code between(t, plus(t, d))} is {@code d} for every working time t.
   */
  public Duration between(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return between(to, from).negated();
    }
    Duration total = Duration.ZERO;
    Instant cursor = from;
    while (cursor.isBefore(to)) {
      Interval interval = firstIntervalEndingAfter(cursor);
      if (!interval.start().isBefore(to)) {
        break;
      }
      Instant begin = latest(cursor, interval.start());
      Instant end = interval.end().isBefore(to) ? interval.end() : to;
      total = total.plus(Duration.between(begin, end));
      cursor = interval.end();
    }
    return total;
  }

  /** The first working interval that ends after the instant; it may have begun before it. */
  private Interval firstIntervalEndingAfter(Instant instant) {
    LocalDate day = instant.atZone(zone).toLocalDate();
    for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        for (Hours span : hours) {
          Instant start = span.start(day, zone);
          Instant end = span.end(day, zone);
          // A span inside a daylight-saving gap can come out empty; it holds no working time.
          if (end.isAfter(instant) && end.isAfter(start)) {
            return new Interval(start, end);
          }
        }
      }
    }
    throw noWorkingTimeAfter(instant);
  }

  private IllegalStateException noWorkingTimeAfter(Instant instant) {
    return new IllegalStateException("The business calendar '" + name + "' has no working time in the "
        + MAX_DAYS_WITHOUT_WORK + " days after " + instant.atZone(zone));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ": " + workingDays.stream().sorted().map(d -> d.name().substring(0, 3))
        .toList() + " " + hours + " " + zone + ", " + (holidays.size() + yearlyHolidays.size()) + " holidays]";
  }
}
