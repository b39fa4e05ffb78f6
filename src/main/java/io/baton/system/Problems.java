package io.baton.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes an RFC 9457 problem straight to the servlet response, for the filters that answer before
 * Spring MVC does: authentication, the firewall and the edge in front of the Camunda APIs.
 */
public final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper()
      .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Problems() {}

  public static void write(HttpServletResponse response, HttpStatus status, URI type, String title,
      String detail) throws IOException {
    write(response, status, type, title, detail, Map.of());
  }

  public static void write(HttpServletResponse response, HttpStatus status, URI type, String title,
      String detail, Map<String, Object> properties) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** A problem as the bytes of its JSON. */
  static byte[] bytes(ProblemDetail problem) {
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A ProblemDetail always serializes", e);
    }
  }
}
