package io.baton.notification;

import io.baton.secrets.WebhookTargets.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to the address a webhook's host was checked at, and nowhere else: the JDK's
 * HTTP client would look the host up again (and could be told another address the second time),
 * so Baton connects to the checked address itself, sending the host name in {@code Host} and, for
 * https, in SNI and the certificate check. Redirects are answers like any other: never followed.
 */
final class WebhookPost {

  record Answer(int status, String location) {}

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private WebhookPost() {}

  static Answer send(Target target, Map<String, String> headers, String body, Duration connectTimeout,
      Duration readTimeout) throws IOException {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + readTimeout.toNanos();
    try (Socket socket = open(target, connectTimeout, readTimeout)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(target, headers, payload.length).getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      Answer answer = answer(socket.getInputStream(), deadline);
      while (answer.status() >= 100 && answer.status() < 200) { // interim answers: the real one follows
        answer = answer(socket.getInputStream(), deadline);
      }
      return answer;
    }
  }

  private static Socket open(Target target, Duration connectTimeout, Duration readTimeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
      socket.setSoTimeout((int) readTimeout.toMillis());
      if (!target.https()) {
        return socket;
      }
      SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory()
          .createSocket(socket, target.host(), target.port(), true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!target.host().contains(":") && !Character.isDigit(target.host().charAt(target.host().length() - 1))) {
        parameters.setServerNames(List.of(new SNIHostName(target.host())));
      }
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      return tls;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    } catch (java.security.NoSuchAlgorithmException e) {
      socket.close();
      throw new IOException("TLS is not available", e);
    }
  }

  private static String head(Target target, Map<String, String> headers, int length) {
    String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
        : target.uri().getRawPath();
    if (target.uri().getRawQuery() != null) {
      path += "?" + target.uri().getRawQuery();
    }
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    boolean defaultPort = target.port() == (target.https() ? 443 : 80);
    StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(defaultPort ? "" : ":" + target.port()).append("\r\n")
        .append("User-Agent: Baton\r\n")
        .append("Content-Length: ").append(length).append("\r\n")
        .append("Connection: close\r\n");
    headers.forEach((name, value) -> {
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("Header " + name + " has a line break");
      }
      head.append(name).append(": ").append(value).append("\r\n");
    });
    return head.append("\r\n").toString();
  }

  /** The status line and the Location header; the body is not read. */
  private static Answer answer(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      if (System.nanoTime() > deadline) {
        throw new SocketTimeoutException("The webhook did not answer in time");
      }
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : b == '\r' ? 1 : 0;
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("The webhook's answer has more than " + MAX_HEAD_BYTES + " bytes of headers");
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new IOException("The webhook did not answer with HTTP");
    }
    int code;
    try {
      code = Integer.parseInt(status[1]);
    } catch (NumberFormatException e) {
      throw new IOException("The webhook answered with an invalid status line");
    }
    String location = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("location")) {
        location = lines[i].substring(colon + 1).trim();
      }
    }
    return new Answer(code, location);
  }
}
