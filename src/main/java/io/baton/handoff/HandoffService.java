package io.baton.handoff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records handoffs and tells their story: the timeline, and how often work was sent back. */
@Service
public class HandoffService {

  /** Process variable with the case timeline as text, newest first, for task forms. */
  public static final String TIMELINE_VARIABLE = "caseTimeline";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final HandoffRepository handoffs;
  private final ApplicationEventPublisher events;

  HandoffService(HandoffRepository handoffs, ApplicationEventPublisher events) {
    this.handoffs = handoffs;
    this.events = events;
  }

  /** Records the handoff, or returns the one this step recorded already. */
  @Transactional
  public Handoff record(RecordHandoff request, Instant at) {
    return handoffs.findByStepKey(request.stepKey()).orElseGet(() -> {
      Handoff recorded = handoffs.save(new Handoff(request, at));
      events.publishEvent(new HandoffRecorded(recorded.getCaseKey(), recorded.getKind(),
          recorded.getFromStage(), recorded.getToStage(), at));
      return recorded;
    });
  }

  /** Every handoff of the case, newest first. */
  @Transactional(readOnly = true)
  public List<Handoff> timeline(String caseKey) {
    return handoffs.findByCaseKeyOrderByRecordedAtDescIdDesc(caseKey);
  }

  @Transactional(readOnly = true)
  public Optional<Handoff> latest(String caseKey) {
    return handoffs.findFirstByCaseKeyOrderByRecordedAtDescIdDesc(caseKey);
  }

  /** Send-backs per stage that sent work back, for one case or (caseKey null) all cases. */
  @Transactional(readOnly = true)
  /** The teams a case has passed through, from or to. */
  public java.util.Set<String> teamsOf(String caseKey) {
    java.util.Set<String> teams = new java.util.HashSet<>();
    for (Handoff handoff : timeline(caseKey)) {
      if (handoff.getFromTeam() != null) {
        teams.add(handoff.getFromTeam());
      }
      if (handoff.getToTeam() != null) {
        teams.add(handoff.getToTeam());
      }
    }
    return teams;
  }

  public Map<String, Long> sendBacksByStage(String caseKey) {
    var counts = caseKey == null ? handoffs.countSendBacksByStage() : handoffs.countSendBacksByStage(caseKey);
    return counts.stream().collect(Collectors.toMap(HandoffRepository.StageCount::getStage,
        HandoffRepository.StageCount::getCount, (a, b) -> a, LinkedHashMap::new));
  }

  /** The timeline as the text a task form shows, newest first. */
  public static String asText(List<Handoff> timeline) {
    return timeline.stream().map(HandoffService::asText).collect(Collectors.joining("\n\n"));
  }

  private static String asText(Handoff h) {
    StringBuilder text = new StringBuilder()
        .append(WHEN.format(h.getRecordedAt())).append(" · ")
        .append(h.getFromStageName()).append(h.getKind() == HandoffKind.SEND_BACK ? " sent back to " : " → ")
        .append(h.getToStageName());
    if (h.getFromUser() != null || h.getFromTeam() != null) {
      text.append(" · by ").append(h.getFromUser() == null ? "" : h.getFromUser())
          .append(h.getFromTeam() == null ? "" : " (" + h.getFromTeam() + ")");
    }
    line(text, "Reason", h.getReason());
    line(text, "Note", h.getNote());
    line(text, "Open questions", h.getOpenQuestions());
    line(text, "Done", h.getChecklistDone());
    line(text, "Still open", h.getChecklistOpen());
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append('\n').append(label).append(": ").append(value.strip());
    }
  }
}
