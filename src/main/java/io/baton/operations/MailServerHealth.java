package io.baton.operations;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * The mail server, as health component {@code mail}: UP when it answers with its SMTP greeting
 * within {@code baton.operations.mail-health-timeout}, DOWN when it does not; UNKNOWN without an
 * SMTP server, when e-mail is held. Only connects and reads the greeting, never logs in. Not part
 * of the readiness group: mail that is slow or down delays messages (they wait in the outbox),
 * it never takes Baton out of service. Replaces Spring Boot's own mail check, which would wait
 * for the full SMTP timeouts and log in.
 */
@Component("mailHealthIndicator")
class MailServerHealth implements HealthIndicator {

  private final ObjectProvider<MailProperties> mail;
  private final Duration timeout;

  MailServerHealth(ObjectProvider<MailProperties> mail, OperationsSettings settings) {
    this.mail = mail;
    this.timeout = settings.mailHealthTimeout();
  }

  @Override
  public Health health() {
    MailProperties properties = mail.getIfAvailable();
    if (properties == null || properties.getHost() == null || properties.getHost().isBlank()) {
      return Health.unknown()
          .withDetail("mail", "HELD")
          .withDetail("reason", "No SMTP server is configured (SPRING_MAIL_HOST): e-mail waits in the outbox.")
          .build();
    }
    String host = properties.getHost();
    boolean tls = "smtps".equalsIgnoreCase(properties.getProtocol());
    int port = properties.getPort() != null ? properties.getPort() : tls ? 465 : 25;
    Health.Builder health = Health.unknown().withDetail("host", host).withDetail("port", port);
    long started = System.nanoTime();
    SocketFactory sockets = tls ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
    try (Socket socket = sockets.createSocket()) {
      int millis = (int) timeout.toMillis();
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      if (greeting != null && greeting.startsWith("220")) {
        OutputStream out = socket.getOutputStream();
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        health.up();
      } else {
        health.down().withDetail("error", "The server did not greet with 220 but with: "
            + (greeting == null ? "nothing" : abbreviate(greeting)));
      }
    } catch (Exception e) {
      health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return health.withDetail("tookMs", Duration.ofNanos(System.nanoTime() - started).toMillis()).build();
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
