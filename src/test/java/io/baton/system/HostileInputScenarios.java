package io.baton.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.RawHttp;
import io.baton.testing.Staff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hundreds of malformed requests, generated over every endpoint of Baton's API and its pages:
 * bad escapes, wrong methods, wildcard and garbage media types, broken and hostile JSON, invalid
 * UTF-8, oversized names, numbers and headers. None may answer 5xx, and every 4xx must be
 * problem+json that names the problem.
 */
public abstract class HostileInputScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  record Probe(String method, String target, Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
      return method + " " + (target.length() > 100 ? target.substring(0, 100) + "…" : target)
          + " " + headers.keySet() + " " + shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
  }

  record Endpoint(String method, String path) {}

  @Test
  void noMalformedRequestGetsA5xxAndEveryRefusalIsAProblemThatSaysWhy() {
    Staff.ensure(identityService);
    String key = Api.as(http, Staff.INTEGRATION, Staff.PASSWORD)
        .post("/api/cases", Cases.openRequest(Cases.newReference())).body().get("key").asText();
    List<Endpoint> endpoints = List.of(
        new Endpoint("POST", "/api/cases"),
        new Endpoint("GET", "/api/cases/" + key),
        new Endpoint("GET", "/api/cases/" + key + "/timeline"),
        new Endpoint("GET", "/api/cases/" + key + "/survey"),
        new Endpoint("POST", "/api/cases/" + key + "/waiting-for-client"),
        new Endpoint("POST", "/api/cases/" + key + "/client-input"),
        new Endpoint("GET", "/api/reports/send-backs"),
        new Endpoint("GET", "/api/notifications"),
        new Endpoint("POST", "/api/notifications/1/retry"),
        new Endpoint("GET", "/api/nothing-here"),
        new Endpoint("GET", "/survey/not-a-token"),
        new Endpoint("POST", "/survey/not-a-token"),
        new Endpoint("GET", "/"),
        new Endpoint("GET", "/nowhere"),
        // Camunda's own APIs keep their documented error JSON, but never answer 5xx either.
        new Endpoint("POST", "/camunda//api/admin/auth/user/default/login/tasklist"),
        new Endpoint("GET", "/camunda/api/engine/engine/default/task"),
        new Endpoint("POST", "/engine-rest/task/count"),
        new Endpoint("GET", "/engine-rest/process-instance"));

    List<Probe> probes = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      probes.addAll(probesFor(endpoint));
    }
    assertThat(probes).hasSizeGreaterThanOrEqualTo(300);

    // Wrong passwords would lock the manager out and turn every later probe into a 401: the
    // credential probes use users of their own.
    RawHttp raw = new RawHttp(port);
    List<String> faults = new ArrayList<>();
    for (Probe probe : probes) {
      RawHttp.Response response = raw.send(probe.method(), probe.target(), probe.headers(), probe.body());
      String fault = fault(probe, response);
      if (fault != null) {
        faults.add(response.status() + " " + fault + " for " + probe + "\n    " + abbreviate(response.body()));
      }
    }
    assertThat(faults).as(faults.size() + " of " + probes.size() + " requests").isEmpty();
  }

  private List<Probe> probesFor(Endpoint endpoint) {
    String auth = RawHttp.basic(Staff.MANAGER, Staff.PASSWORD);
    String path = endpoint.path();
    List<Probe> probes = new ArrayList<>();
    // The path: escapes that are bad, ambiguous or hostile.
    for (String bad : List.of("%00", "%2F", "%zz", "%", "/..", "/../api", ";jsessionid=1", "//", "/%2e%2e",
        "%0d%0aX-Injected:1", "%C0%AF", "/" + "a".repeat(9000), "/%E2%82", "/%C3%A9", "/${x}", "/.%2e/")) {
      probes.add(new Probe(endpoint.method(), path + bad, headers(auth), jsonBodyFor(endpoint)));
    }
    // The query string.
    for (String query : List.of("status[]=", "status=%zz", "status=BOGUS", "caseKey=" + "k".repeat(5000),
        "a=${x}", "status=SENT&status=FAILED", "%00=1", "=", "&&&", "status=" + "%41".repeat(3000))) {
      probes.add(new Probe(endpoint.method(), path + "?" + query, headers(auth), jsonBodyFor(endpoint)));
    }
    // Methods.
    for (String method : List.of("TRACE", "FOO", "PATCH", "DELETE", "PUT",
        endpoint.method().equals("GET") ? "POST" : "GET")) {
      probes.add(new Probe(method, path, headers(auth), null));
    }
    // Content types and what the caller accepts.
    for (String type : List.of("*/*", "application/*", "text/*", "garbage", "application/json; charset=bogus",
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json;;;", "")) {
      Map<String, String> headers = headers(auth);
      headers.put("Content-Type", type);
      probes.add(new Probe(endpoint.method(), path, headers, "{}".getBytes(StandardCharsets.UTF_8)));
    }
    for (String accept : List.of("garbage", "text/html", "application/xml", "*/*;q=x", "image/png")) {
      Map<String, String> headers = headers(auth);
      headers.put("Accept", accept);
      probes.add(new Probe(endpoint.method(), path, headers, jsonBodyFor(endpoint)));
    }
    Map<String, String> bigHeader = headers(auth);
    bigHeader.put("X-Big", "b".repeat(9000));
    probes.add(new Probe(endpoint.method(), path, bigHeader, null));
    // Credentials.
    for (String credentials : List.of("Basic !!!", "Basic QQ==", "Bearer nonsense", "Digest x",
        RawHttp.basic("nobody", "wrong"), RawHttp.basic("", ""))) {
      probes.add(new Probe(endpoint.method(), path, headers(credentials), jsonBodyFor(endpoint)));
    }
    // Bodies.
    if (endpoint.method().equals("POST")) {
      for (byte[] body : hostileBodies()) {
        probes.add(new Probe("POST", path, headers(auth), body));
      }
    }
    return probes;
  }

  private static Map<String, String> headers(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return headers;
  }

  private static byte[] jsonBodyFor(Endpoint endpoint) {
    return endpoint.method().equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
  }

  private static List<byte[]> hostileBodies() {
    List<String> texts = new ArrayList<>(List.of(
        "", "null", "[]", "\"text\"", "42", "true", "{", "{\"externalReference\":", "{\"a\":1}}",
        "{} {}", "{}x", "{\"tier\":\"basic\",\"tier\":\"premium\"}", "{\"externalReference\":123}",
        "{\"request\":false}", "{\"promisedDate\":20270301}", "{\"promisedDate\":[2027,3,1]}",
        "{\"promisedDate\":\"2027-03-01T00:00:00Z\"}", "{\"promisedDate\":\"2027-02-30\"}",
        "{\"client\":\"not an object\"}", "{\"client\":{\"email\":[]}}",
        "[".repeat(5000), "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
        "{\"" + "n".repeat(1000) + "\":1}", "{\"n\":" + "9".repeat(1000) + "}",
        "{\"n\":1e99999999}", "{\"request\":\"${''.getClass()}\"}", "\uFEFF{}", "{'single':'quotes'}",
        "{\"a\":NaN}", "{/*comment*/}"));
    List<byte[]> bodies = new ArrayList<>();
    texts.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
    bodies.add(("{\"" + "x".repeat(1024 * 1024) + "\":1}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"n\":" + "1".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8));
    return bodies;
  }

  /**
   * What is wrong with an answer, or null when it is a proper one. A client's page asked for by a
   * browser (Accept: text/html) answers with a page in the client's language instead.
   */
  private static String fault(Probe probe, RawHttp.Response response) {
    boolean camunda = probe.target().startsWith("/engine-rest") || probe.target().startsWith("/camunda/");
    if (camunda && response.status() > 0 && response.status() < 500) {
      return null;
    }
    if (probe.target().startsWith("/survey/") && "text/html".equals(probe.headers().get("Accept"))
        && response.status() < 500 && response.contentType().startsWith("text/html")) {
      return null;
    }
    int status = response.status();
    if (status == 0) {
      return "no HTTP answer";
    }
    if (status >= 500) {
      return "server error";
    }
    if (status >= 400) {
      if (!response.contentType().startsWith("application/problem+json")) {
        return "not problem+json (" + response.contentType() + ")";
      }
      JsonNode problem = response.json();
      if (problem == null || !problem.hasNonNull("title") || !problem.hasNonNull("detail")
          || problem.get("detail").asText().isBlank()) {
        return "a problem without title and detail";
      }
      if (response.body().contains("Exception") || response.body().contains("at io.baton")) {
        return "a stack trace or exception name";
      }
    }
    return null;
  }

  private static String abbreviate(String body) {
    String clean = body.replaceAll("\\s+", " ");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }
}
