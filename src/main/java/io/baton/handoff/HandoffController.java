package io.baton.handoff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports over all handoffs. A case's own timeline is served with the case, by the cases module. */
@RestController
@Tag(name = "Handoffs", description = "Every stage change of a case, with its context")
class HandoffController {

  private final HandoffService handoffs;

  HandoffController(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @GetMapping("/api/reports/send-backs")
  @Operation(summary = "How often each stage sent work back, over all cases")
  Map<String, Long> sendBacks() {
    return handoffs.sendBacksByStage(null);
  }
}
