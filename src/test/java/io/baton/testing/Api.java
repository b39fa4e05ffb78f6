package io.baton.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls to a running Baton as one user, as an integrator's or Tasklist's would be. */
public final class Api {

  public record Response(int status, JsonNode body, HttpHeaders headers) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final String bearer;

  private Api(TestRestTemplate http) {
    this(http, null);
  }

  private Api(TestRestTemplate http, String bearer) {
    this.http = http;
    this.bearer = bearer;
  }

  /** Calls as the holder of an API token ({@code Authorization: Bearer}). */
  public static Api withToken(TestRestTemplate http, String token) {
    return new Api(http, token);
  }

  public static Api as(TestRestTemplate http, String user, String password) {
    return new Api(http.withBasicAuth(user, password));
  }

  public static Api anonymous(TestRestTemplate http) {
    return new Api(http);
  }

  public Response get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  public Response exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    if (bearer != null) {
      headers.setBearerAuth(bearer);
    }
    try {
      String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpEntity<String> request = new HttpEntity<>(payload, headers);
      // A path with percent-escapes is sent exactly as written, not expanded as a URI template.
      ResponseEntity<String> response = path.contains("%")
          ? http.exchange(java.net.URI.create(http.getRootUri() + path), method, request, String.class)
          : http.exchange(path, method, request, String.class);
      String text = response.getBody();
      JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
      return new Response(response.getStatusCode().value(), json, response.getHeaders());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
