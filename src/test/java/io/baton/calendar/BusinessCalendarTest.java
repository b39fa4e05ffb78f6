package io.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Business time on the shipped calendars of processes/calendars/ (default: Mon-Fri 09:00-17:00
 * Europe/Sofia with Bulgarian holidays and the company's days off; delivery: 08:00-16:00) and on
 * the unusual shapes of src/test/resources/calendars/valid/.
 */
class BusinessCalendarTest {

  static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

  static BusinessCalendars shipped;
  static BusinessCalendars shapes;
  static BusinessCalendar sofia;

  @BeforeAll
  static void load() {
    shipped = new BusinessCalendars("classpath*:processes/calendars/");
    shapes = new BusinessCalendars("classpath*:calendars/valid/");
    sofia = shipped.defaultCalendar();
  }

  @Nested
  class Weekends {
    @Test
    void saturdayAndSundayAreNotWorkingDays() {
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-01-16"))).as("Friday").isTrue();
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-01-17"))).as("Saturday").isFalse();
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-01-18"))).as("Sunday").isFalse();
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-01-19"))).as("Monday").isTrue();
      assertThat(sofia.isWorkingTime(at("2026-01-17T11:00", SOFIA))).isFalse();
    }

    @Test
    void workingDaysBetweenTwoDatesLeaveTheWeekendOut() {
      LocalDate friday = LocalDate.parse("2026-01-16");
      assertThat(sofia.workingDaysAfter(friday, LocalDate.parse("2026-01-19"))).as("to Monday").isEqualTo(1);
      assertThat(sofia.workingDaysAfter(friday, LocalDate.parse("2026-01-23"))).as("to the next Friday").isEqualTo(5);
      assertThat(sofia.workingDaysAfter(friday, friday)).isZero();
      assertThat(sofia.workingDaysAfter(friday, LocalDate.parse("2026-01-12"))).as("an earlier date").isZero();
    }

    @Test
    void fourHoursFromFridayAfternoonEndOnMondayMorning() {
      assertThat(local(sofia.plus(at("2026-01-16T15:00", SOFIA), Duration.ofHours(4)), SOFIA))
          .isEqualTo("2026-01-19T11:00");
    }

    @Test
    void timeThatRunsOutAtClosingEndsAtClosing() {
      Instant friday = at("2026-01-16T09:00", SOFIA);

      assertThat(local(sofia.plus(friday, Duration.ofHours(8)), SOFIA)).isEqualTo("2026-01-16T17:00");
      assertThat(local(sofia.plus(friday, Duration.ofHours(8).plusMinutes(1)), SOFIA)).isEqualTo("2026-01-19T09:01");
    }

    @Test
    void workingHoursIncludeTheOpeningAndExcludeTheClosing() {
      assertThat(sofia.isWorkingTime(at("2026-01-16T08:59", SOFIA))).isFalse();
      assertThat(sofia.isWorkingTime(at("2026-01-16T09:00", SOFIA))).isTrue();
      assertThat(sofia.isWorkingTime(at("2026-01-16T16:59", SOFIA))).isTrue();
      assertThat(sofia.isWorkingTime(at("2026-01-16T17:00", SOFIA))).isFalse();
    }
  }

  @Nested
  class StartOutsideWorkingHours {
    @Test
    void startsAtTheNextOpening() {
      assertThat(local(sofia.plus(at("2026-01-17T10:00", SOFIA), Duration.ofHours(1)), SOFIA))
          .as("Saturday").isEqualTo("2026-01-19T10:00");
      assertThat(local(sofia.plus(at("2026-01-16T18:30", SOFIA), Duration.ofMinutes(30)), SOFIA))
          .as("Friday evening").isEqualTo("2026-01-19T09:30");
      assertThat(local(sofia.plus(at("2026-01-19T07:00", SOFIA), Duration.ofHours(1)), SOFIA))
          .as("Monday before opening").isEqualTo("2026-01-19T10:00");
    }

    @Test
    void nextWorkingTimeIsTheInstantItselfOrTheNextOpening() {
      Instant tuesday = at("2026-01-20T10:15", SOFIA);

      assertThat(sofia.nextWorkingTime(tuesday)).isEqualTo(tuesday);
      assertThat(local(sofia.nextWorkingTime(at("2026-01-17T10:00", SOFIA)), SOFIA)).isEqualTo("2026-01-19T09:00");
      assertThat(local(sofia.nextWorkingTime(at("2026-01-16T17:00", SOFIA)), SOFIA)).isEqualTo("2026-01-19T09:00");
      assertThat(sofia.plus(at("2026-01-17T10:00", SOFIA), Duration.ZERO))
          .isEqualTo(sofia.nextWorkingTime(at("2026-01-17T10:00", SOFIA)));
    }

    @Test
    void aBreakIsNotWorkingTime() {
      BusinessCalendar lunch = shapes.forTeam("lunch-break");

      assertThat(lunch.isWorkingTime(at("2026-01-16T13:00", SOFIA))).isFalse();
      assertThat(local(lunch.plus(at("2026-01-16T12:00", SOFIA), Duration.ofHours(1)), SOFIA))
          .isEqualTo("2026-01-16T14:00");
      assertThat(lunch.between(at("2026-01-16T09:00", SOFIA), at("2026-01-16T17:30", SOFIA)))
          .isEqualTo(Duration.ofHours(7).plusMinutes(30));
    }
  }

  @Nested
  class Holidays {
    @Test
    void aBulgarianPublicHolidayIsSkipped() {
      LocalDate liberationDay = LocalDate.parse("2026-03-03");

      assertThat(sofia.isWorkingDay(liberationDay)).isFalse();
      assertThat(sofia.holiday(liberationDay)).hasValueSatisfying(name -> assertThat(name).contains("Liberation Day"));
      assertThat(local(sofia.plus(at("2026-03-02T16:00", SOFIA), Duration.ofHours(2)), SOFIA))
          .isEqualTo("2026-03-04T10:00");
    }

    @Test
    void orthodoxEasterMonday2026AndGoodFridayAreSkipped() {
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-04-10"))).as("Good Friday").isFalse();
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-04-13"))).as("Easter Monday").isFalse();
      assertThat(sofia.isWorkingDay(LocalDate.parse("2026-04-06"))).as("Western Easter Monday").isTrue();
      assertThat(local(sofia.plus(at("2026-04-09T16:00", SOFIA), Duration.ofHours(2)), SOFIA))
          .isEqualTo("2026-04-14T10:00");
    }

    @Test
    void aDayOffForAHolidayOnAWeekendIsSkipped() {
      assertThat(sofia.holiday(LocalDate.parse("2026-05-25"))).hasValueSatisfying(
          name -> assertThat(name).contains("24 May"));
      assertThat(sofia.isWorkingDay(LocalDate.parse("2027-05-04"))).as("for Labour Day 2027").isFalse();
    }

    @Test
    void moroccanHolidaysCountForAClientInCasablanca() {
      BusinessCalendar morocco = shipped.forClient(CASABLANCA);

      assertThat(morocco.isWorkingDay(LocalDate.parse("2026-07-30"))).as("Throne Day").isFalse();
      assertThat(morocco.isWorkingDay(LocalDate.parse("2026-05-27"))).as("Eid al-Adha").isFalse();
      assertThat(morocco.isWorkingDay(LocalDate.parse("2026-01-14"))).as("Amazigh New Year").isFalse();
      assertThat(morocco.isWorkingDay(LocalDate.parse("2026-03-03"))).as("a Bulgarian holiday").isTrue();
      assertThat(local(morocco.plus(at("2026-07-29T16:00", CASABLANCA), Duration.ofHours(2)), CASABLANCA))
          .as("over Throne Day").isEqualTo("2026-07-31T10:00");
    }

    @Test
    void kazakhHolidaysAndTheirDaysOffCountForAClientInAlmaty() {
      BusinessCalendar kazakhstan = shipped.forClient(ALMATY);

      assertThat(kazakhstan.isWorkingDay(LocalDate.parse("2026-03-23"))).as("Nauryz").isFalse();
      assertThat(kazakhstan.isWorkingDay(LocalDate.parse("2026-03-25"))).as("day off for Nauryz").isFalse();
      assertThat(kazakhstan.isWorkingDay(LocalDate.parse("2026-05-27"))).as("Kurban Ait").isFalse();
      assertThat(local(kazakhstan.plus(at("2026-03-20T17:00", ALMATY), Duration.ofHours(2)), ALMATY))
          .as("Nauryz from Saturday to Wednesday, 09:00-18:00").isEqualTo("2026-03-26T10:00");
    }

    @Test
    void theCompanysOwnDaysOffCountForTeamsButNotForClients() {
      LocalDate teamDay = LocalDate.parse("2026-06-26");

      assertThat(sofia.isWorkingDay(teamDay)).isFalse();
      assertThat(shipped.forTeam("delivery").isWorkingDay(teamDay)).isFalse();
      assertThat(shipped.forClient(SOFIA).isWorkingDay(teamDay)).isTrue();
    }

    @Test
    void aHolidayWrittenForEveryYearComesBackEveryYear() {
      for (int year = 2026; year <= 2035; year++) {
        assertThat(sofia.isWorkingDay(LocalDate.of(year, 12, 31))).as("31 December %d", year).isFalse();
        assertThat(sofia.holiday(LocalDate.of(year, 1, 1))).isPresent();
      }
    }

    @Test
    void twoHolidaysOnOneDayKeepBothNames() {
      assertThat(shapes.defaultCalendar().holiday(LocalDate.parse("2026-01-07")))
          .hasValue("Inventory day / Orthodox Christmas");
    }
  }

  @Nested
  class TimeZones {
    @Test
    void theSameInstantIsWorkingTimeInHelsinkiButNotYetInSofia() {
      Instant instant = Instant.parse("2026-01-15T06:30:00Z");

      assertThat(shipped.forClient(HELSINKI).isWorkingTime(instant)).as("08:30 in Helsinki, open 08-16").isTrue();
      assertThat(sofia.isWorkingTime(instant)).as("08:30 in Sofia, open 09-17").isFalse();
    }

    @Test
    void almatyWorksWhileSofiaSleeps() {
      Instant instant = Instant.parse("2026-01-15T05:00:00Z");

      assertThat(shipped.forClient(ALMATY).isWorkingTime(instant)).as("10:00 in Almaty").isTrue();
      assertThat(sofia.isWorkingTime(instant)).as("07:00 in Sofia").isFalse();
      assertThat(sofia.nextWorkingTime(instant)).isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
    }

    @Test
    void aClientWithoutACountryLineGetsTheClientHoursInItsOwnZone() {
      ZoneId newYork = ZoneId.of("America/New_York");
      BusinessCalendar client = shipped.forClient(newYork);

      assertThat(client.zone()).isEqualTo(newYork);
      assertThat(client.isWorkingTime(at("2026-01-15T09:30", newYork))).isTrue();
      assertThat(client.isWorkingTime(at("2026-01-15T08:30", newYork))).isFalse();
      assertThat(client.isWorkingDay(LocalDate.parse("2026-03-03"))).as("no Bulgarian holidays").isTrue();
      assertThat(shipped.forClient(null).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void eachTeamHasItsOwnHours() {
      Instant halfPastEight = at("2026-01-15T08:30", SOFIA);

      assertThat(shipped.forTeam("delivery").isWorkingTime(halfPastEight)).isTrue();
      assertThat(shipped.forTeam("qa").isWorkingTime(halfPastEight)).isFalse();
      assertThat(local(shipped.forTeam("delivery").plus(at("2026-01-16T15:00", SOFIA), Duration.ofHours(2)), SOFIA))
          .isEqualTo("2026-01-19T09:00");
      assertThat(shipped.forTeam("sales")).as("a team without a line").isSameAs(sofia);
      assertThat(shipped.forTeam(null)).isSameAs(sofia);
    }

    @Test
    void aWeekCanStartOnSunday() {
      BusinessCalendar sunToThu = shapes.forTeam("sun-thu");

      assertThat(sunToThu.isWorkingDay(LocalDate.parse("2026-01-18"))).as("Sunday").isTrue();
      assertThat(sunToThu.isWorkingDay(LocalDate.parse("2026-01-16"))).as("Friday").isFalse();
      assertThat(local(sunToThu.plusWorkingDays(at("2026-01-15T10:00", ALMATY), 1), ALMATY))
          .as("Thursday plus one").isEqualTo("2026-01-18T10:00");
      assertThat(shapes.forTeam("odd-days").isWorkingDay(LocalDate.parse("2026-01-17"))).as("Saturday").isTrue();
      assertThat(shapes.forTeam("odd-days").isWorkingDay(LocalDate.parse("2026-01-13"))).as("Tuesday").isFalse();
    }
  }

  @Nested
  class DaylightSaving {
    @Test
    void eightHoursOverTheSpringChangeInSofiaEndAtTheSameLocalTime() {
      Instant friday = at("2026-03-27T13:00", SOFIA);

      Instant due = sofia.plus(friday, Duration.ofHours(8));

      assertThat(local(due, SOFIA)).isEqualTo("2026-03-30T13:00");
      assertThat(friday).isEqualTo(Instant.parse("2026-03-27T11:00:00Z"));
      assertThat(due).as("now EEST, UTC+3").isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
      assertThat(Duration.between(friday, due)).as("the weekend lost an hour").isEqualTo(Duration.ofHours(71));
      assertThat(sofia.between(friday, due)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void eightHoursOverTheAutumnChangeInSofiaEndAtTheSameLocalTime() {
      Instant friday = at("2026-10-23T13:00", SOFIA);

      Instant due = sofia.plus(friday, Duration.ofHours(8));

      assertThat(local(due, SOFIA)).isEqualTo("2026-10-26T13:00");
      assertThat(due).as("now EET, UTC+2").isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
      assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(73));
      assertThat(sofia.between(friday, due)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void eightHoursOverBothChangesInHelsinkiEndAtTheSameLocalTime() {
      BusinessCalendar helsinki = shipped.forClient(HELSINKI);

      assertThat(local(helsinki.plus(at("2026-03-27T12:00", HELSINKI), Duration.ofHours(8)), HELSINKI))
          .isEqualTo("2026-03-30T12:00");
      assertThat(local(helsinki.plus(at("2026-10-23T12:00", HELSINKI), Duration.ofHours(8)), HELSINKI))
          .isEqualTo("2026-10-26T12:00");
      assertThat(local(helsinki.plusWorkingDays(at("2026-03-27T10:00", HELSINKI), 1), HELSINKI))
          .isEqualTo("2026-03-30T10:00");
    }

    @Test
    void aWholeDayCalendarHasA23And25HourDay() {
      BusinessCalendar always = shapes.forTeam("round-the-clock");

      assertThat(always.between(at("2026-03-29T00:00", SOFIA), at("2026-03-30T00:00", SOFIA)))
          .isEqualTo(Duration.ofHours(23));
      assertThat(always.between(at("2026-10-25T00:00", SOFIA), at("2026-10-26T00:00", SOFIA)))
          .isEqualTo(Duration.ofHours(25));
      assertThat(always.isWorkingTime(at("2026-03-29T03:30", SOFIA))).isTrue();
    }

    @Test
    void moroccosRamadanClockChangeIsFollowed() {
      BusinessCalendar morocco = shipped.forClient(CASABLANCA);

      assertThat(local(morocco.plus(at("2026-02-13T13:00", CASABLANCA), Duration.ofHours(8)), CASABLANCA))
          .as("Casablanca goes from UTC+1 to UTC+0 on Sunday 15 February 2026").isEqualTo("2026-02-16T13:00");
    }
  }

  @Nested
  class Between {
    @Test
    void isTheInverseOfPlus() {
      List<Duration> durations = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(3),
          Duration.ofHours(8), Duration.ofHours(17).plusMinutes(30), Duration.ofHours(40), Duration.ofHours(100));
      for (BusinessCalendar calendar : List.of(sofia, shipped.forTeam("delivery"), shapes.forTeam("lunch-break"),
          shipped.forClient(ALMATY))) {
        for (Instant from = Instant.parse("2026-03-20T00:00:00Z"); from.isBefore(Instant.parse("2026-04-20T00:00:00Z"));
            from = from.plus(Duration.ofMinutes(97))) {
          for (Duration duration : durations) {
            Instant to = calendar.plus(from, duration);
            assertThat(calendar.between(from, to)).as("%s from %s plus %s", calendar.name(), from, duration)
                .isEqualTo(duration);
          }
        }
      }
    }

    @Test
    void plusOfBetweenReachesTheSameWorkingTime() {
      Instant from = at("2026-04-08T15:20", SOFIA);
      for (Instant to = from; to.isBefore(at("2026-04-20T00:00", SOFIA)); to = to.plus(Duration.ofMinutes(41))) {
        Instant back = sofia.plus(from, sofia.between(from, to));
        assertThat(sofia.between(back, to)).as("to %s", to).isZero();
        if (sofia.isWorkingTime(to) && sofia.isWorkingTime(to.minusNanos(1))) {
          assertThat(back).as("inside working hours, to %s", to).isEqualTo(to);
        }
      }
    }

    @Test
    void isNegativeWhenTheEndIsBeforeTheStart() {
      Instant monday = at("2026-01-19T10:00", SOFIA);
      Instant friday = at("2026-01-16T16:00", SOFIA);

      assertThat(sofia.between(friday, monday)).isEqualTo(Duration.ofHours(2));
      assertThat(sofia.between(monday, friday)).isEqualTo(Duration.ofHours(-2));
      assertThat(sofia.between(monday, monday)).isZero();
    }

    @Test
    void countsNothingOverAWeekend() {
      assertThat(sofia.between(at("2026-01-16T17:00", SOFIA), at("2026-01-19T09:00", SOFIA))).isZero();
    }
  }

  @Nested
  class WorkingDays {
    @Test
    void twoWorkingDaysFromFridayAreTuesdayAtTheSameTime() {
      assertThat(local(sofia.plusWorkingDays(at("2026-01-16T10:00", SOFIA), 2), SOFIA)).isEqualTo("2026-01-20T10:00");
    }

    @Test
    void holidaysAreNotWorkingDays() {
      assertThat(local(sofia.plusWorkingDays(at("2026-04-09T10:00", SOFIA), 1), SOFIA))
          .as("over Orthodox Easter").isEqualTo("2026-04-14T10:00");
      assertThat(local(sofia.plusWorkingDays(at("2026-12-23T11:00", SOFIA), 1), SOFIA))
          .as("over Christmas and the day off for 26 December").isEqualTo("2026-12-29T11:00");
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextOpening() {
      assertThat(local(sofia.plusWorkingDays(at("2026-01-17T11:00", SOFIA), 1), SOFIA))
          .as("Saturday").isEqualTo("2026-01-20T09:00");
      assertThat(local(sofia.plusWorkingDays(at("2026-01-16T18:00", SOFIA), 1), SOFIA))
          .as("Friday evening").isEqualTo("2026-01-20T09:00");
      assertThat(local(sofia.plusWorkingDays(at("2026-01-16T07:00", SOFIA), 1), SOFIA))
          .as("Friday early").isEqualTo("2026-01-19T09:00");
      assertThat(local(sofia.plusWorkingDays(at("2026-01-17T11:00", SOFIA), 0), SOFIA)).isEqualTo("2026-01-19T09:00");
    }

    @Test
    void aTimeOfDayOutsideTheTargetDaysHoursMovesToTheNextOpening() {
      BusinessCalendar delivery = shipped.forTeam("delivery");

      assertThat(local(delivery.plusWorkingDays(at("2026-01-16T15:30", SOFIA), 1), SOFIA)).isEqualTo("2026-01-19T15:30");
      assertThat(local(shapes.forTeam("lunch-break").plusWorkingDays(at("2026-01-16T12:45", SOFIA), 1), SOFIA))
          .as("in the break: from 13:30").isEqualTo("2026-01-19T13:30");
    }
  }

  @Nested
  class Arguments {
    @Test
    void negativeTimeAndDaysAreRefused() {
      Instant now = at("2026-01-16T10:00", SOFIA);

      assertThatThrownBy(() -> sofia.plus(now, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sofia.plusWorkingDays(now, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yearsOfBusinessTimeAreComputedQuickly() {
      Instant start = at("2026-01-02T10:00", SOFIA);
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
        Instant due = sofia.plus(start, Duration.ofHours(8 * 250 * 5));
        assertThat(sofia.between(start, due)).isEqualTo(Duration.ofHours(8 * 250 * 5));
        assertThat(sofia.plusWorkingDays(start, 2000)).isAfter(due.minus(Duration.ofDays(30)));
      });
    }
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static String local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone).toString();
  }
}
