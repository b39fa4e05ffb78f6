package io.baton.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free loopback port, which a test may stop and start again. */
public final class Smtp {

  private final int port = freePort();
  private GreenMail server;

  public int port() {
    return port;
  }

  public void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public void stop() {
    server.stop();
  }

  public List<MimeMessage> all() {
    return List.of(server.getReceivedMessages());
  }

  public List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        mails.add(message);
      }
    }
    return mails;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
