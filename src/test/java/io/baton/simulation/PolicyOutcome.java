package io.baton.simulation;

import io.baton.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one delay-notice policy did over all cases, judged against each case's ORIGINAL promise:
 * a promise is broken when the service was delivered (client's date) after it.
 */
final class PolicyOutcome {

  /** One case as a policy saw it: the original promise, the delivery date, the notices sent. */
  record CaseView(LocalDate promised, LocalDate delivered, List<Instant> notices) {
    boolean broken() {
      return delivered.isAfter(promised);
    }
  }

  final String name;
  int cases;
  int broken;
  /** Broken promises with a notice strictly before the original promised date (client's date). */
  int announcedBefore;
  /** Broken promises with a notice only on or after the promised date. */
  int announcedLate;
  final List<Integer> leadCalendarDays = new ArrayList<>();
  final List<Integer> leadWorkingDays = new ArrayList<>();
  int notices;
  /** Notices on cases that were delivered by their original promised date. */
  int unnecessaryNotices;
  int casesNoticed;
  int keptCasesNoticed;

  private PolicyOutcome(String name) {
    this.name = name;
  }

  static PolicyOutcome of(String name, List<CaseView> views, BusinessCalendar clientCalendar) {
    PolicyOutcome outcome = new PolicyOutcome(name);
    for (CaseView view : views) {
      outcome.cases++;
      List<LocalDate> noticeDates = view.notices().stream().sorted()
          .map(at -> at.atZone(clientCalendar.zone()).toLocalDate()).toList();
      outcome.notices += noticeDates.size();
      if (!noticeDates.isEmpty()) {
        outcome.casesNoticed++;
      }
      if (!view.broken()) {
        outcome.unnecessaryNotices += noticeDates.size();
        if (!noticeDates.isEmpty()) {
          outcome.keptCasesNoticed++;
        }
        continue;
      }
      outcome.broken++;
      if (noticeDates.isEmpty()) {
        continue;
      }
      LocalDate first = noticeDates.get(0);
      if (first.isBefore(view.promised())) {
        outcome.announcedBefore++;
        outcome.leadCalendarDays.add((int) ChronoUnit.DAYS.between(first, view.promised()));
        outcome.leadWorkingDays.add(clientCalendar.workingDaysAfter(first, view.promised()));
      } else {
        outcome.announcedLate++;
      }
    }
    return outcome;
  }

  double announcedShare() {
    return share(announcedBefore, broken);
  }

  double unnecessaryShare() {
    return share(unnecessaryNotices, notices);
  }

  static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }

  static double median(List<Integer> values) {
    return quantile(values, 0.5);
  }

  /** The q-quantile by linear interpolation between the closest ranks; NaN for no values. */
  static double quantile(List<Integer> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Integer> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    double rank = q * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
  }
}
