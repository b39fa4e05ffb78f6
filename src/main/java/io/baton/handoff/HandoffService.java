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

  /** Characters of the timeline variable; below Camunda's 4,000 for a String. */
  public static final int TIMELINE_LIMIT = 3_900;
  /** Characters a form may collect for a note, a reason or open questions (the handoff columns hold 4,000). */
  public static final int NOTE_LIMIT = 3_000;

  private static final int NEWEST_FIELD_LIMIT = 1_500;
  private static final int OLDER_FIELD_LIMIT = 400;
  private static final int OMITTED_LINE_ROOM = 100;

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

  /**
   * The timeline as the text a task form shows, newest first, in at most {@link #TIMELINE_LIMIT}
   * characters: Camunda keeps a String variable in 4,000, and a case must never get stuck on its
   * own history. The newest handoff gets the most room; long notes are shortened and the oldest
   * handoffs left out, with a line that says so. The handoff records themselves keep every word.
   */
  public static String asText(List<Handoff> timeline) {
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (Handoff h : timeline) {
      boolean newest = shown == 0;
      String separator = newest ? "" : "\n\n";
      int room = TIMELINE_LIMIT - text.length() - separator.length()
          - (shown + 1 < timeline.size() ? OMITTED_LINE_ROOM : 0);
      String entry = newest ? fitting(h, room) : asText(h, OLDER_FIELD_LIMIT);
      if (entry.length() > room) {
        break;
      }
      text.append(separator).append(entry);
      shown++;
    }
    if (shown < timeline.size()) {
      int omitted = timeline.size() - shown;
      text.append(shown == 0 ? "" : "\n\n").append("… ").append(omitted)
          .append(omitted == 1 ? " earlier handoff is" : " earlier handoffs are")
          .append(" not shown here; Baton keeps the case's full timeline.");
    }
    return text.length() <= TIMELINE_LIMIT ? text.toString() : text.substring(0, TIMELINE_LIMIT - 1) + "…";
  }

  /** The newest handoff, its notes shortened as far as needed to fit {@code room}. */
  private static String fitting(Handoff h, int room) {
    String entry = asText(h, NEWEST_FIELD_LIMIT);
    for (int limit = NEWEST_FIELD_LIMIT - 100; entry.length() > room && limit >= 100; limit -= 100) {
      entry = asText(h, limit);
    }
    return entry;
  }

  private static String asText(Handoff h, int fieldLimit) {
    StringBuilder text = new StringBuilder()
        .append(WHEN.format(h.getRecordedAt())).append(" · ")
        .append(h.getFromStageName()).append(h.getKind() == HandoffKind.SEND_BACK ? " sent back to " : " → ")
        .append(h.getToStageName());
    if (h.getFromUser() != null || h.getFromTeam() != null) {
      text.append(" · by ").append(h.getFromUser() == null ? "" : h.getFromUser())
          .append(h.getFromTeam() == null ? "" : " (" + h.getFromTeam() + ")");
    }
    line(text, "Reason", h.getReason(), fieldLimit);
    line(text, "Note", h.getNote(), fieldLimit);
    line(text, "Open questions", h.getOpenQuestions(), fieldLimit);
    line(text, "Done", h.getChecklistDone(), fieldLimit);
    line(text, "Still open", h.getChecklistOpen(), fieldLimit);
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value, int limit) {
    if (value != null && !value.isBlank()) {
      String v = value.strip();
      text.append('\n').append(label).append(": ")
          .append(v.length() <= limit ? v : v.substring(0, limit).stripTrailing() + " … (shortened)");
    }
  }
}
