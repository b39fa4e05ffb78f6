package io.baton.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, so that a test can send what no well-behaved
 * client library would: bad escapes, wildcard content types, invalid UTF-8, unknown methods.
 */
public final class RawHttp {

  public record Response(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        return null;
      }
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code method target} with the given extra header lines and body. */
  public Response send(String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (java.net.SocketException refusedMidway) {
        // The server answered and closed before reading everything (a request line too long);
        // its answer is what counts.
      }
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + target + ": " + e, e);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (java.net.SocketException reset) {
      // The server may close after a refused request; what arrived is the answer.
    }
    String text = all.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Response(0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] raw = all.toByteArray();
    byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
        ? dechunk(bodyBytes) : new String(bodyBytes, StandardCharsets.UTF_8);
    return new Response(status, headers, body);
  }

  private static String dechunk(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < bytes.length) {
      int lineEnd = i;
      while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size = new String(bytes, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      out.write(bytes, lineEnd + 2, Math.min(length, bytes.length - lineEnd - 2));
      i = lineEnd + 2 + length + 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
