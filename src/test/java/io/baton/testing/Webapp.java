package io.baton.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/**
 * A person's browser session with the Camunda webapps, as Tasklist or Cockpit would make its
 * calls: logged in through the webapps' login API, with their session cookie and CSRF token.
 */
public final class Webapp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String root;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private Webapp(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs {@code user} in to {@code app} (tasklist, cockpit, admin) on the Baton at {@code root}. */
  public static Webapp logIn(String root, String app, String user, String password) {
    Webapp webapp = new Webapp(root);
    webapp.send("GET", "/camunda/app/" + app + "/default/", null, null);
    Api.Response login = webapp.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded");
    if (login.status() != 200) {
      throw new IllegalStateException(user + " cannot log in to " + app + ": " + login.status() + " " + login.body());
    }
    // The login starts a new session; its first answer brings the session's new CSRF token.
    webapp.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return webapp;
  }

  public static Webapp anonymous(String root) {
    return new Webapp(root);
  }

  public Api.Response get(String path) {
    return send("GET", path, null, null);
  }

  public Api.Response post(String path, Object body) {
    try {
      return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body), "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Api.Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
        .header("Accept", "application/json, application/problem+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json;
      try {
        json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
      } catch (IOException notJson) {
        json = JSON.getNodeFactory().textNode(text);
      }
      HttpHeaders headers = new HttpHeaders();
      response.headers().map().forEach(headers::addAll);
      return new Api.Response(response.statusCode(), json, headers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
