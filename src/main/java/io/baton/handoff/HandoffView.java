package io.baton.handoff;

import java.time.Instant;

/** A handoff or send-back as the API shows it in a case's timeline. */
public record HandoffView(HandoffKind kind, String fromStage, String fromStageName, String fromTeam, String fromUser,
    String toStage, String toStageName, String toTeam, String note, String reason, String openQuestions,
    String checklistDone, String checklistOpen, Instant at) {

  public static HandoffView of(Handoff h) {
    return new HandoffView(h.getKind(), h.getFromStage(), h.getFromStageName(), h.getFromTeam(), h.getFromUser(),
        h.getToStage(), h.getToStageName(), h.getToTeam(), h.getNote(), h.getReason(), h.getOpenQuestions(),
        h.getChecklistDone(), h.getChecklistOpen(), h.getRecordedAt());
  }
}
