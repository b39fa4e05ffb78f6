package io.baton.handoff;

import io.baton.cases.CaseAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Handoffs", description = "Every stage change of a case, with its context")
class HandoffController {

  record HandoffView(HandoffKind kind, String fromStage, String fromStageName, String fromTeam, String fromUser,
      String toStage, String toStageName, String toTeam, String note, String reason, String openQuestions,
      String checklistDone, String checklistOpen, Instant at) {

    static HandoffView of(Handoff h) {
      return new HandoffView(h.getKind(), h.getFromStage(), h.getFromStageName(), h.getFromTeam(), h.getFromUser(),
          h.getToStage(), h.getToStageName(), h.getToTeam(), h.getNote(), h.getReason(), h.getOpenQuestions(),
          h.getChecklistDone(), h.getChecklistOpen(), h.getRecordedAt());
    }
  }

  private final HandoffService handoffs;
  private final CaseAccess access;

  HandoffController(HandoffService handoffs, CaseAccess access) {
    this.handoffs = handoffs;
    this.access = access;
  }

  @GetMapping("/api/cases/{key}/timeline")
  @Operation(summary = "The case's handoffs and send-backs, newest first")
  List<HandoffView> timeline(@PathVariable String key) {
    access.readable(key);
    return handoffs.timeline(key).stream().map(HandoffView::of).toList();
  }

  @GetMapping("/api/reports/send-backs")
  @Operation(summary = "How often each stage sent work back, over all cases")
  Map<String, Long> sendBacks() {
    return handoffs.sendBacksByStage(null);
  }
}
