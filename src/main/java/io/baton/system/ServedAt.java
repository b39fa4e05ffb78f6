package io.baton.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where Baton really listens: the port the web server bound (which differs from 8080 with
 * {@code server.port=0} or another port), and the context path. Logged once Baton is ready.
 */
@Component
public class ServedAt {

  private static final Logger log = LoggerFactory.getLogger(ServedAt.class);

  private final String contextPath;
  private final String webapps;
  private final String publicUrl;
  private volatile int port = -1;

  ServedAt(@Value("${server.servlet.context-path:}") String contextPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps,
      @Value("${baton.public-url:}") String publicUrl) {
    this.contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    this.webapps = webapps;
    this.publicUrl = publicUrl;
  }

  @EventListener
  void bound(ServletWebServerInitializedEvent event) {
    port = event.getWebServer().getPort();
  }

  /** The local address, such as {@code http://localhost:8081}, without a trailing slash. */
  public String localUrl() {
    return "http://localhost:" + (port > 0 ? port : 8080) + contextPath;
  }

  /** Tasklist on this node. */
  public String tasklist() {
    return localUrl() + webapps + "/app/tasklist/";
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void announce() {
    if (port <= 0) {
      return;
    }
    log.info("Baton is ready at {} (Tasklist: {}){}", localUrl(), tasklist(),
        publicUrl.isBlank() ? "" : "; links in messages point to " + publicUrl);
  }
}
