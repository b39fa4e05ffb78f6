package io.baton.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "Messages to clients and staff, and their delivery")
class NotificationController {

  record NotificationView(long id, String eventId, String caseKey, Audience audience, Channel channel,
      String recipient, String template, String language, String subject, NotificationStatus status,
      int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n) {
      return new NotificationView(n.getId(), n.getEventId(), n.getCaseKey(), n.getAudience(), n.getChannel(),
          n.getRecipient(), n.getTemplate(), n.getLanguage(), n.getSubject(), n.getStatus(), n.getAttempts(),
          n.getNextAttemptAt(), n.getLastError(), n.getCreatedAt(), n.getSentAt());
    }
  }

  private final NotificationService notifications;

  NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(summary = "Notifications, by status (FAILED and HELD need attention) and case")
  List<NotificationView> list(@RequestParam(required = false) NotificationStatus status,
      @RequestParam(required = false) String caseKey) {
    return notifications.list(status, caseKey).stream().map(NotificationView::of).toList();
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Send a FAILED or HELD notification again")
  NotificationView retry(@PathVariable long id) {
    return NotificationView.of(notifications.retry(id));
  }
}
