package io.baton.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A client's own system on this machine: receives webhooks and answers as told, per path. */
public final class WebhookReceiver implements AutoCloseable {

  public record Received(String path, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", exchange -> {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        synchronized (receiver) {
          receiver.received.add(new Received(path, headers, body));
        }
        Deque<Integer> queue = receiver.answers.get(path);
        int status = queue == null || queue.isEmpty() ? 200 : queue.size() > 1 ? queue.poll() : queue.peek();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers requests to {@code path} with these statuses in turn; the last one stays. */
  public void answer(String path, Integer... statuses) {
    answers.put(path, new ArrayDeque<>(List.of(statuses)));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public synchronized List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
