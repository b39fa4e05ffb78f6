package io.baton.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.testing.Cases;
import io.baton.testing.RawHttp;
import io.baton.testing.Staff;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A field gets the type it declares, or the request is a 400 that names the field and why. */
public abstract class StrictInputScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  private RawHttp.Response open(byte[] body, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", RawHttp.basic(Staff.INTEGRATION, Staff.PASSWORD));
    headers.put("Content-Type", contentType);
    headers.put("Accept", "application/json");
    return new RawHttp(port).send("POST", "/api/cases", headers, body);
  }

  private RawHttp.Response open(String body) {
    return open(body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  private static String withField(String path, Object value) throws Exception {
    Map<String, Object> request = new HashMap<>(Cases.openRequest(Cases.newReference()));
    if (path.startsWith("client.")) {
      Map<String, Object> client = new HashMap<>((Map<String, Object>) request.get("client"));
      client.put(path.substring("client.".length()), value);
      request.put("client", client);
    } else {
      request.put(path, value);
    }
    return JSON.writeValueAsString(request);
  }

  private static String refusal(RawHttp.Response response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode errors = response.json().get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    for (JsonNode error : errors) {
      if (error.get("field").asText().equals(field)) {
        return error.get("message").asText();
      }
    }
    throw new AssertionError("no error names " + field + ": " + response.body());
  }

  @Test
  void numbersAndBooleansAreNotStrings() throws Exception {
    assertThat(refusal(open(withField("externalReference", 123)), "externalReference")).startsWith("must be a string");
    assertThat(refusal(open(withField("client.name", true)), "client.name")).startsWith("must be a string");
    assertThat(refusal(open(withField("tier", 2)), "tier")).startsWith("must be a string");
  }

  @Test
  void aDateIsARealCalendarDateWrittenYyyyMmDd() throws Exception {
    assertThat(refusal(open(withField("promisedDate", "20270301")), "promisedDate"))
        .contains("'20270301' is not a valid date").contains("YYYY-MM-DD");
    assertThat(refusal(open(withField("promisedDate", 20270301)), "promisedDate")).contains("YYYY-MM-DD");
    assertThat(refusal(open(withField("promisedDate", new int[] {2027, 3, 1})), "promisedDate")).contains("YYYY-MM-DD");
    assertThat(refusal(open(withField("promisedDate", "2027-03-01T00:00:00Z")), "promisedDate")).contains("YYYY-MM-DD");
    assertThat(refusal(open(withField("promisedDate", "2027-02-30")), "promisedDate")).contains("no such day");
    assertThat(refusal(open(withField("promisedDate", "57468-01-01")), "promisedDate")).contains("YYYY-MM-DD");
    assertThat(refusal(open(withField("promisedDate", "2999-01-01")), "promisedDate")).contains("between 2000 and 2100");
  }

  @Test
  void oneRequestIsExactlyOneJsonObject() throws Exception {
    String valid = withField("externalReference", Cases.newReference());
    assertThat(refusal(open(valid + " {\"more\":1}"), "body")).contains("more than one JSON value");
    assertThat(refusal(open(valid + "x"), "body")).contains("not valid JSON");
    assertThat(refusal(open(valid.replaceFirst("\\{", "{\"tier\":\"basic\",")), "body")).contains("'tier' twice");
    for (int cut = 1; cut < valid.length(); cut += 7) {
      assertThat(refusal(open(valid.substring(0, cut)), "body")).as(valid.substring(0, cut)).contains("ends too early");
    }
    assertThat(jdbc.queryForObject("select count(*) from service_case where external_reference = ?",
        Integer.class, JSON.readTree(valid).get("externalReference").asText())).as("nothing was opened").isZero();
  }

  @Test
  void overlongUtf8IsRefusedNotReadAsASlash() throws Exception {
    byte[] valid = withField("externalReference", "crm-XX").getBytes(StandardCharsets.UTF_8);
    String text = new String(valid, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("XX");
    valid[at] = (byte) 0xC0;
    valid[at + 1] = (byte) 0xAF;

    RawHttp.Response response = open(valid, "application/json");
    assertThat(refusal(response, "body")).contains("not valid UTF-8");
    assertThat(jdbc.queryForObject("select count(*) from service_case where external_reference = 'crm-/'",
        Integer.class)).isZero();
  }

  @Test
  void limitsAreNamedTruly() throws Exception {
    assertThat(refusal(open("{\"" + "n".repeat(300) + "\":1}"), "body")).contains("Name length").contains("200");
    assertThat(refusal(open("{\"externalReference\":" + "9".repeat(1000) + "}"), "body"))
        .contains("Number value length").contains("100");
    RawHttp.Response huge = open(("{\"" + "x".repeat(1024 * 1024) + "\":1}").getBytes(StandardCharsets.UTF_8),
        "application/json");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().get("detail").asText()).contains("64 KB");
  }

  @Test
  void aWildcardContentTypeIs415() {
    for (String type : new String[] {"*/*", "application/*", "text/*"}) {
      RawHttp.Response response = open("{}".getBytes(StandardCharsets.UTF_8), type);
      assertThat(response.status()).as(type).isEqualTo(415);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("detail").asText()).contains("wildcard").contains("application/json");
    }
  }
}
