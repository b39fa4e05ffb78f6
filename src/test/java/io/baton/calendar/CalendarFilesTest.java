package io.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.system.BatonConfigurationException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The designers' files: the shipped folder loads, and each kind of mistake (one folder per mistake
 * under src/test/resources/calendars/) stops start-up with the file, the line and the problem.
 */
class CalendarFilesTest {

  @Test
  void theShippedCalendarsLoadWithEveryTeamAndCountry() {
    BusinessCalendars calendars = new BusinessCalendars("classpath*:processes/calendars/");

    assertThat(calendars.names()).contains("default", "account-managers", "delivery-leads", "delivery", "qa",
        "team-leads", "managers", "client", "client-bg", "client-fi", "client-kz", "client-tr", "client-ma");
    assertThat(calendars.defaultCalendar().zone()).isEqualTo(ZoneId.of("Europe/Sofia"));
    assertThat(calendars.forClient(ZoneId.of("Europe/Istanbul")).name()).isEqualTo("client-tr");
  }

  @Test
  void everyCountryListHasItsMovableHolidaysFor2026And2027() {
    BusinessCalendars calendars = new BusinessCalendars("classpath*:processes/calendars/");
    String[][] movable = {
        {"Europe/Sofia", "2026-04-13", "2027-05-03"},      // Orthodox Easter Monday
        {"Europe/Helsinki", "2026-06-19", "2027-06-25"},   // Midsummer Eve
        {"Asia/Almaty", "2026-05-27", "2027-03-24"},       // Kurban Ait; day off for Nauryz
        {"Europe/Istanbul", "2026-03-20", "2027-05-17"},   // Ramazan and Kurban Bayramı
        {"Africa/Casablanca", "2026-05-28", "2027-03-11"}, // Eid al-Adha and Eid al-Fitr
    };
    for (String[] country : movable) {
      BusinessCalendar calendar = calendars.forClient(ZoneId.of(country[0]));
      for (int i = 1; i < country.length; i++) {
        assertThat(calendar.holiday(LocalDate.parse(country[i]))).as("%s %s", calendar.name(), country[i]).isPresent();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bad-date              | holidays/BG.txt line 7: '2026-02-30' is not a date
      bad-yearly-date       | holidays/custom.txt line 2: '--02-30' is not a day of the year
      holiday-without-name  | holidays/BG.txt line 3: '2026-12-24' needs the holiday's name after the date
      unknown-zone          | working-hours.txt line 3: 'Europe/Sofiya' is not a time zone
      unknown-holiday-list  | working-hours.txt line 2: there is no holiday list 'XX' (no file holidays/XX.txt)
      hours-backwards       | working-hours.txt line 4: the working hours '17:00-09:00' end before they start
      hours-empty           | working-hours.txt line 1: the working hours '09:00-09:00' end before they start
      duplicate-calendar    | working-hours.txt line 3: the calendar 'qa' is already defined on line 2
      wrong-field-count     | working-hours.txt line 2: expected 5 fields (name, days, hours, time zone, holidays) but found 4
      bad-day               | working-hours.txt line 2: 'Fry' is not a day of the week
      bad-time              | working-hours.txt line 1: '25:00' is not a time of day
      overlapping-hours     | working-hours.txt line 1: the working hours '12:00-17:00' overlap 09:00-13:00
      duplicate-client-zone | working-hours.txt line 3: 'client-tr2' is for Europe/Istanbul, like 'client-tr'
      """)
  void aWrongLineNamesTheFileTheLineAndTheProblem(String folder, String problem) {
    BatonConfigurationException error = load(folder);

    assertThat(error).hasMessage("calendars/" + folder + "/" + problem);
    String line = problem.substring(problem.indexOf(" line ") + 1, problem.indexOf(':'));
    assertThat(error.action()).contains("Correct " + line + " of calendars/" + folder + "/");
  }

  @Test
  void aMissingDefaultLineIsNamed() {
    BatonConfigurationException error = load("missing-default");

    assertThat(error).hasMessage("calendars/missing-default/working-hours.txt has no 'default' line.");
    assertThat(error.action()).contains("default  Mon-Fri  09:00-17:00  Europe/Sofia  BG,custom");
  }

  @Test
  void aFolderWithoutWorkingHoursIsNamed() {
    BatonConfigurationException error = load("no-working-hours");

    assertThat(error).hasMessageStartingWith("There is no calendars/no-working-hours/working-hours.txt");
    assertThat(error.action()).contains("baton.calendars.location");
  }

  @Test
  void unknownHolidayListsAreListedInTheAction() {
    assertThat(load("unknown-holiday-list").action()).contains("(BG)").contains("'none'");
  }

  @Test
  void aWrongFileStopsTheSpringContextThatReadsIt() {
    new ApplicationContextRunner()
        .withBean(BusinessCalendars.class)
        .withPropertyValues("baton.calendars.location=classpath*:calendars/bad-date/")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().isInstanceOf(BatonConfigurationException.class)
            .hasMessageContaining("bad-date/holidays/BG.txt line 7"));
    new ApplicationContextRunner()
        .withBean(BusinessCalendars.class)
        .run(context -> assertThat(context.getBean(BusinessCalendars.class).forTeam("delivery").name())
            .isEqualTo("delivery"));
  }

  private static BatonConfigurationException load(String folder) {
    return catchThrowableOfType(BatonConfigurationException.class,
        () -> new BusinessCalendars("classpath*:calendars/" + folder + "/"));
  }
}
