package io.baton.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): what Tomcat, the webapps' filters or
 * Spring Security report with {@code sendError} reaches the caller as problem+json too, never as
 * an HTML page, Spring's default error JSON or an empty body.
 */
@RestController
class ErrorProblems implements ErrorController {

  static final Map<Integer, String> DETAILS = Map.of(
      400, "The request is malformed: check its path, query string, headers and body.",
      401, "Send the credentials of a Baton user.",
      403, "Your account may not do this.",
      404, "Nothing is at this address. The API is described at /v3/api-docs.",
      405, "This method is not allowed here.",
      413, "The request is too large.",
      415, "Send the body as application/json.");

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
        ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problemFor(status, uri == null ? null : uri.toString()));
  }

  static ProblemDetail problemFor(HttpStatus status, String path) {
    String detail = DETAILS.getOrDefault(status.value(), status.is5xxServerError()
        ? "Baton could not handle this request; it changed nothing. Try again, or tell your operator."
        : status.getReasonPhrase() + ".");
    if (status == HttpStatus.NOT_FOUND && path != null && path.length() < 300) {
      detail = "Nothing is at " + path + ". The API is described at /v3/api-docs.";
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:baton:problem:" + slug(status)));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
