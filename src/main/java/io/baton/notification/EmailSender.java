package io.baton.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP ({@code spring.mail.*}): multipart text and HTML, UTF-8. */
@Component
class EmailSender implements ChannelSender {

  static final String EVENT_ID_HEADER = "X-Baton-Event-Id";

  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationSettings settings;

  EmailSender(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
    this.mailSender = mailSender;
    this.settings = settings;
  }

  /** Stable per notification, like the webhook id: {@code <event-id@baton>}. */
  static String messageId(Notification notification) {
    return "<" + notification.getEventId() + "@baton>";
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String unavailableReason() {
    return mailSender.getIfAvailable() == null
        ? "No SMTP server is configured: set spring.mail.host (SPRING_MAIL_HOST) to send e-mail."
        : null;
  }

  @Override
  public void send(Notification notification) throws Exception {
    JavaMailSender sender = mailSender.getObject();
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
    mail.setFrom(settings.from());
    mail.setTo(notification.getRecipient());
    mail.setSubject(notification.getSubject());
    if (notification.getBodyHtml() == null) {
      mail.setText(notification.getBodyText(), false);
    } else {
      mail.setText(notification.getBodyText(), notification.getBodyHtml());
    }
    message.setHeader(EVENT_ID_HEADER, notification.getEventId());
    // Kept by JavaMailSenderImpl: a resend of the same notification is the same message to the receiver.
    message.setHeader("Message-ID", messageId(notification));
    sender.send(message);
  }
}
