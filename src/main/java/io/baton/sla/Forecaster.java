package io.baton.sla;

import io.baton.calendar.BusinessCalendar;
import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.CaseStatus;
import io.baton.cases.ServiceCatalog;
import io.baton.engine.StageOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * When will this case really be delivered? The rest of the current stage plus every stage still
 * to come up to the service's delivery stage, each taking what that stage took in 80 % of the
 * recent cases of the same service and tier (Baton's SLA clocks are the history), or its SLA
 * target while there are fewer than {@value #MIN_SAMPLES} of them; counted on each team's
 * business calendar, read as a date in the client's time zone.
 */
@Component
public class Forecaster {

  static final int MIN_SAMPLES = 5;
  static final int HISTORY = 200;
  static final double PERCENTILE = 0.8;

  private final CaseService cases;
  private final ServiceCatalog catalog;
  private final StageOrder stageOrder;
  private final TaskSlaRepository clocks;
  private final SlaPolicy policy;
  private final BusinessCalendars calendars;

  Forecaster(CaseService cases, ServiceCatalog catalog, StageOrder stageOrder, TaskSlaRepository clocks,
      SlaPolicy policy, BusinessCalendars calendars) {
    this.cases = cases;
    this.catalog = catalog;
    this.stageOrder = stageOrder;
    this.clocks = clocks;
    this.policy = policy;
    this.calendars = calendars;
  }

  /** The forecast delivery date; empty once delivered, or when the service names no delivery stage. */
  public Optional<LocalDate> forecast(String caseKey, String processDefinitionId, Instant now) {
    Case theCase = cases.get(caseKey);
    String deliveryStage = catalog.deliveredAt(theCase.getService());
    String current = theCase.getCurrentStage();
    if (theCase.getStatus() != CaseStatus.OPEN || theCase.getDeliveredAt() != null || deliveryStage == null
        || current == null) {
      return Optional.empty();
    }
    List<String> stages = stageOrder.stages(processDefinitionId);
    if (!stages.contains(current)) {
      return Optional.empty();
    }
    if (stages.indexOf(current) > stages.indexOf(deliveryStage)) {
      return Optional.empty();
    }
    Instant finish = now;
    Optional<TaskSla> running = clocks.findFirstByCaseKeyAndStageAndCompletedAtIsNullOrderByStartedAtDesc(caseKey, current);
    BusinessCalendar currentCalendar = calendars.forTeam(theCase.getCurrentTeam());
    Duration left = expected(theCase, current);
    if (running.isPresent()) {
      left = left.minus(currentCalendar.between(running.get().getStartedAt(), now));
    }
    finish = currentCalendar.plus(finish, left.isNegative() ? Duration.ZERO : left);
    for (String stage : stageOrder.after(processDefinitionId, current, deliveryStage)) {
      finish = calendars.forTeam(stageOrder.teamOf(processDefinitionId, stage)).plus(finish, expected(theCase, stage));
    }
    return Optional.of(finish.atZone(theCase.getClient().getTimeZone()).toLocalDate());
  }

  /** What the stage takes: the 80th percentile of its recent business durations, else its SLA target. */
  Duration expected(Case theCase, String stage) {
    List<TaskSla> finished = clocks.findFinished(theCase.getService(), theCase.getTier(), stage,
        PageRequest.of(0, HISTORY));
    if (finished.size() < MIN_SAMPLES) {
      return policy.targetFor(theCase.getService(), theCase.getTier().code(), stage).target();
    }
    List<Duration> durations = finished.stream()
        .map(clock -> calendars.forTeam(clock.getTeam()).between(clock.getStartedAt(), clock.getCompletedAt()))
        .sorted()
        .toList();
    return durations.get((int) Math.ceil(PERCENTILE * durations.size()) - 1);
  }
}
