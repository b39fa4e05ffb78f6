package io.baton.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.engine.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline a form shows fits Camunda's String variable, however long the case's history. */
class TimelineTextTest {

  private static final Stages DELIVERY = new Stages("Task_Delivery", "Delivery", "delivery");
  private static final Stages REVIEW = new Stages("Task_QualityReview", "Quality review", "qa");

  @Test
  void aShortHistoryIsShownInFull() {
    List<Handoff> timeline = List.of(
        handoff(1, HandoffKind.SEND_BACK, REVIEW, DELIVERY, null, "The contact form does not send.", null),
        handoff(0, HandoffKind.HANDOFF, DELIVERY, REVIEW, "Site built.", null, "Logo in SVG?"));

    String text = HandoffService.asText(timeline);

    assertThat(text).contains("Quality review sent back to Delivery", "Reason: The contact form does not send.",
        "Delivery → Quality review", "Note: Site built.", "Open questions: Logo in SVG?")
        .doesNotContain("shortened", "not shown");
  }

  @Test
  void fortyLongHandoffsStayWithinTheLimitNewestFirstAndSayWhatIsLeftOut() {
    List<Handoff> timeline = new ArrayList<>();
    for (int i = 39; i >= 0; i--) {
      timeline.add(handoff(i, i % 2 == 0 ? HandoffKind.HANDOFF : HandoffKind.SEND_BACK, DELIVERY, REVIEW,
          ("Round " + i + " note. ").repeat(300).substring(0, 3_000), ("Round " + i + " reason. ").repeat(200)
              .substring(0, 3_000), ("Question " + i + "? ").repeat(300).substring(0, 3_000)));
    }

    String text = HandoffService.asText(timeline);

    assertThat(text.length()).isLessThanOrEqualTo(HandoffService.TIMELINE_LIMIT).isLessThan(4_000);
    assertThat(text).startsWith(timeline.get(0).getRecordedAt().toString().substring(0, 10))
        .contains("Round 39 note.", "Round 39 reason.", "Question 39?", "(shortened)")
        .containsPattern("… \\d+ earlier handoffs are not shown here");
  }

  @Test
  void oneHandoffWithEveryFieldAtItsLimitStillFits() {
    String full = "x".repeat(4_000);
    Stages longNames = new Stages("Task_A", "A".repeat(200), "t".repeat(100));
    Handoff h = new Handoff(new RecordHandoff("C-1", HandoffKind.SEND_BACK, longNames, "u".repeat(100), longNames,
        full, full, full, full, full, "step"), Instant.parse("2027-02-01T10:00:00Z"));

    assertThat(HandoffService.asText(List.of(h, h, h)).length()).isLessThanOrEqualTo(HandoffService.TIMELINE_LIMIT);
  }

  private static Handoff handoff(int minute, HandoffKind kind, Stages from, Stages to, String note, String reason,
      String openQuestions) {
    return new Handoff(new RecordHandoff("C-1", kind, from, "t-user", to, note, reason, openQuestions, null, null,
        "step-" + minute), Instant.parse("2027-02-01T10:00:00Z").plusSeconds(60L * minute));
  }
}
