package io.baton.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of Baton's API as RFC 9457 problem+json. A bad request names each bad field and
 * what is wrong with it; nothing answers with a stack trace.
 */
@RestControllerAdvice(basePackages = "io.baton")
class ApiProblems extends ResponseEntityExceptionHandler {

  static final URI INVALID_REQUEST = URI.create("urn:baton:problem:invalid-request");
  static final URI NOT_FOUND = URI.create("urn:baton:problem:not-found");
  static final URI CONFLICT = URI.create("urn:baton:problem:conflict");
  static final URI INTERNAL = URI.create("urn:baton:problem:internal-error");

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> new FieldProblem(e.getField(), message(e)))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(invalid(fields));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(invalid(List.of(unreadable(ex))));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.field(), ex.getMessage()))));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
    return problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", ex.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {}", errorId, ex);
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL,
        "Internal error", "Baton could not handle this request. Quote error id " + errorId
            + " to your operator; the request changed nothing.");
    response.getBody().setProperty("errorId", errorId);
    return response;
  }

  private static ProblemDetail invalid(List<FieldProblem> fields) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", fields);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path(unknown), "is not a field of this request; remove it");
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      Throwable root = mapping.getCause();
      String reason = root instanceof IllegalArgumentException && root.getMessage() != null
          ? root.getMessage()
          : mapping instanceof InvalidFormatException format
              ? "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType())
              : "has the wrong type";
      return new FieldProblem(path(mapping), reason);
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return new FieldProblem("body", "is not valid JSON (line " + json.getLocation().getLineNr()
          + ", column " + json.getLocation().getColumnNr() + ")");
    }
    return new FieldProblem("body", "is missing or is not a JSON object");
  }

  private static String describe(Class<?> type) {
    Map<String, String> names = Map.of(
        "LocalDate", "date (use YYYY-MM-DD)",
        "Instant", "timestamp (use ISO 8601)");
    return names.getOrDefault(type.getSimpleName(), type.getSimpleName().toLowerCase());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
