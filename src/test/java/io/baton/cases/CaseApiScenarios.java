package io.baton.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.testing.Api;
import io.baton.testing.Cases;
import io.baton.testing.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

/** Bad input gets a 4xx problem+json that names what is wrong. Run on H2 and on PostgreSQL. */
public abstract class CaseApiScenarios {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void staff() {
    Staff.ensure(identityService);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> request = Map.of(
        "externalReference", " ",
        "client", Map.of("name", "", "email", "not-an-email", "language", "de", "timeZone", "Mars/Olympus"),
        "service", "moon-landing",
        "tier", "gold",
        "promisedDate", "2001-01-01");
    Api.Response response = api().post("/api/cases", request);

    assertProblem(response, 400, "urn:baton:problem:invalid-request");
    Map<String, String> errors = errors(response.body());
    assertThat(errors).containsOnlyKeys("externalReference", "client.name", "client.email",
        "client.language", "client.timeZone", "service", "tier", "promisedDate");
    assertThat(errors.get("client.language")).contains("en, bg, kk, tr, fi, ar");
    assertThat(errors.get("service")).contains("moon-landing").contains("website-build");
    assertThat(errors.get("tier")).contains("basic, standard, premium");
  }

  @Test
  void missingFieldsAreNamed() {
    Api.Response response = api().post("/api/cases", Map.of("externalReference", "crm-1"));

    assertProblem(response, 400, "urn:baton:problem:invalid-request");
    assertThat(errors(response.body())).containsOnlyKeys("client", "service", "tier", "promisedDate");
  }

  @Test
  void aDateInTheWrongFormatIsNamed() {
    Map<String, Object> request = new HashMap<>(Cases.openRequest(Cases.newReference()));
    request.put("promisedDate", "15.03.2027");
    Api.Response response = api().post("/api/cases", request);

    assertProblem(response, 400, "urn:baton:problem:invalid-request");
    assertThat(errors(response.body()).get("promisedDate")).contains("YYYY-MM-DD");
  }

  @Test
  void anUnknownFieldIsNamedInsteadOfIgnored() {
    Map<String, Object> request = new HashMap<>(Cases.openRequest(Cases.newReference()));
    request.put("promiseDate", "2027-03-01");
    Api.Response response = api().post("/api/cases", request);

    assertProblem(response, 400, "urn:baton:problem:invalid-request");
    assertThat(errors(response.body())).containsKey("promiseDate");
  }

  @Test
  void bodyThatIsNotJsonIsRejectedWithItsPosition() {
    Api.Response response = api().post("/api/cases", "{\"externalReference\": \"crm-1\",");

    assertProblem(response, 400, "urn:baton:problem:invalid-request");
    assertThat(errors(response.body()).get("body")).contains("ends too early").contains("line 1, column 31");
  }

  @Test
  void anUnknownCaseIs404() {
    Api.Response response = api().get("/api/cases/C-0");

    assertProblem(response, 404, "urn:baton:problem:not-found");
    assertThat(response.body().get("detail").asText()).contains("C-0");
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    JsonNode description = Api.anonymous(http).get("/v3/api-docs").body();

    assertThat(description.at("/paths/~1api~1cases/post")).isNotNull();
    assertThat(description.at("/paths/~1api~1cases~1{key}/get").isMissingNode()).isFalse();
  }

  private static void assertProblem(Api.Response response, int status, String type) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.body().get("type").asText()).isEqualTo(type);
    assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at io.baton");
  }

  private static Map<String, String> errors(JsonNode problem) {
    Map<String, String> errors = new HashMap<>();
    List<JsonNode> list = StreamSupport.stream(problem.get("errors").spliterator(), false).toList();
    list.forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    return errors;
  }

  private Api api() {
    return Api.as(http, Staff.INTEGRATION, Staff.PASSWORD);
  }
}
