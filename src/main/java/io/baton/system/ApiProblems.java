package io.baton.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of Baton's API and pages as RFC 9457 problem+json, whatever the request accepts. A
 * bad request names each bad field and says truly what is wrong with it; nothing answers with a
 * stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  static final URI INVALID_REQUEST = URI.create("urn:baton:problem:invalid-request");
  static final URI NOT_FOUND = URI.create("urn:baton:problem:not-found");
  static final URI CONFLICT = URI.create("urn:baton:problem:conflict");
  static final URI METHOD_NOT_ALLOWED = URI.create("urn:baton:problem:method-not-allowed");
  static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:baton:problem:unsupported-media-type");
  static final URI NOT_ACCEPTABLE = URI.create("urn:baton:problem:not-acceptable");
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
    List<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
        .map(e -> new FieldProblem("body", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage()))
        .toList();
    return body(invalid(fields.isEmpty() ? global : fields));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(invalid(List.of(unreadable(ex))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Collection<String> allowed = ex.getSupportedHttpMethods() == null ? List.of()
        : ex.getSupportedHttpMethods().stream().map(Object::toString).toList();
    HttpHeaders allow = new HttpHeaders();
    if (!allowed.isEmpty()) {
      allow.set(HttpHeaders.ALLOW, String.join(", ", allowed));
    }
    return body(problem(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, "Method not allowed",
        ex.getMethod() + " is not allowed on " + path(request)
            + (allowed.isEmpty() ? "." : "; use " + String.join(" or ", allowed) + ".")), allow);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String sent = ex.getContentType() == null ? "no Content-Type" : "Content-Type " + ex.getContentType();
    return body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "This request was sent with " + sent + "; send its body as "
            + supported(ex.getSupportedMediaTypes()) + "."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(problem(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE, "Not acceptable",
        "The Accept header asks for a format this resource does not have; accept "
            + supported(ex.getSupportedMediaTypes()) + "."));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(notFoundAt(path(request)));
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(notFoundAt(path(request)));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
        : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    Class<?> type = ex.getRequiredType();
    String reason = type != null && type.isEnum()
        ? "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
            .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "))
        : "must be " + describe(type);
    return body(invalid(List.of(new FieldProblem(name, reason))));
  }

  /** Whatever else Spring MVC reports: its status, with a detail that says what happened. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail detail ? detail
        : ProblemDetail.forStatusAndDetail(status, "The request cannot be handled as sent.");
    if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
      problem.setType(status.is4xxClientError() ? INVALID_REQUEST : INTERNAL);
    }
    return body(problem, headers);
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<Object> invalidField(InvalidFieldException ex) {
    return body(invalid(List.of(new FieldProblem(ex.field(), ex.getMessage()))));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException ex) {
    return body(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException ex) {
    return body(problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", ex.getMessage()));
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<Object> forbidden(org.springframework.security.access.AccessDeniedException ex) {
    return body(problem(HttpStatus.FORBIDDEN, URI.create("urn:baton:problem:forbidden"), "Forbidden",
        ex.getMessage() == null || ex.getMessage().equals("Access Denied")
            ? "Your groups do not allow this request." : ex.getMessage()));
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Object> multipart(org.springframework.web.multipart.MultipartException ex) {
    return body(invalid(List.of(new FieldProblem("body", "is not a readable multipart body; send application/json"))));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {}", errorId, ex);
    ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
        "Baton could not handle this request. Quote error id " + errorId
            + " to your operator; the request changed nothing.");
    problem.setProperty("errorId", errorId);
    return body(problem);
  }

  static ProblemDetail notFoundAt(String path) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found",
        "Nothing is at " + path + ". The API is described at /v3/api-docs.");
  }

  private static ResponseEntity<Object> body(ProblemDetail problem) {
    return body(problem, HttpHeaders.EMPTY);
  }

  /** With the content type set, so that it is written whatever the request's Accept header says. */
  private static ResponseEntity<Object> body(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
          all.put(name, values);
        }
      });
    }
    all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
  }

  private static ProblemDetail invalid(List<FieldProblem> fields) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", fields);
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "this path";
  }

  private static String supported(List<MediaType> types) {
    List<MediaType> concrete = types.stream().filter(t -> !t.isWildcardType() && !t.isWildcardSubtype()).toList();
    return concrete.isEmpty() ? MediaType.APPLICATION_JSON_VALUE
        : concrete.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "));
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    // A parse error inside a field is still a parse error of the body, not a wrong type.
    while (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonProcessingException inner) {
      cause = inner;
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path(unknown), "is not a field of this request; remove it");
    }
    if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
      String value = String.valueOf(format.getValue());
      value = value.length() > 40 ? value.substring(0, 40) + "…" : value;
      String reason = format.getTargetType() == LocalDate.class
          ? "'" + value + "' is not a valid date: " + format.getOriginalMessage()
          : "must be " + describe(format.getTargetType()) + ", not " + value;
      return new FieldProblem(path(format), reason);
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return new FieldProblem(path(mismatch), "must be " + describe(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      Throwable root = mapping.getCause();
      String reason = root instanceof IllegalArgumentException && root.getMessage() != null
          ? root.getMessage() : "cannot be read: " + firstLine(mapping.getOriginalMessage());
      return new FieldProblem(path(mapping), reason);
    }
    if (cause instanceof StreamConstraintsException limit) {
      return new FieldProblem("body", "is too large a JSON document: "
          + firstLine(limit.getOriginalMessage()).replaceAll(",\\s*from `[^`]*`", ""));
    }
    if (cause instanceof MismatchedInputException mismatch
        && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
      return new FieldProblem("body", "holds more than one JSON value; send exactly one JSON object");
    }
    if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldProblem("body", "must be " + describe(mismatch.getTargetType()));
    }
    if (cause instanceof JsonEOFException eof) {
      return new FieldProblem("body", "ends too early: the JSON is incomplete" + at(eof));
    }
    if (cause instanceof JsonParseException parse) {
      String message = firstLine(parse.getOriginalMessage());
      if (message.startsWith("Duplicate field")) {
        return new FieldProblem("body", message.replace("Duplicate field", "names the field") + " twice; send each field once");
      }
      if (message.contains("end-of-input")) {
        return new FieldProblem("body", "ends too early: the JSON is incomplete" + at(parse));
      }
      if (message.contains("UTF-8") || message.contains("UTF8")) {
        return new FieldProblem("body", "is not valid UTF-8" + at(parse));
      }
      return new FieldProblem("body", "is not valid JSON" + at(parse) + ": " + message);
    }
    if (cause instanceof JsonProcessingException json) {
      return new FieldProblem("body", "is not valid JSON" + at(json));
    }
    String message = String.valueOf(ex.getMessage());
    if (message.startsWith("Required request body is missing")) {
      return new FieldProblem("body", "is missing; send a JSON object");
    }
    return new FieldProblem("body", "cannot be read as JSON");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").replaceAll("\\s*at \\[Source.*", "")
        .replaceAll("`[a-z]+\\.[A-Za-z.$]+`", "this field").trim();
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static final Map<Class<?>, String> TYPES = Map.of(
      String.class, "a string",
      Boolean.class, "true or false",
      boolean.class, "true or false",
      LocalDate.class, "a date written YYYY-MM-DD",
      Instant.class, "a timestamp in ISO 8601 (2027-03-01T09:00:00Z)",
      Integer.class, "a whole number",
      int.class, "a whole number",
      Long.class, "a whole number",
      long.class, "a whole number");

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (TYPES.containsKey(type)) {
      return TYPES.get(type);
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(ApiProblems::code).collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    return "a JSON object";
  }

  private static String code(Object constant) {
    return ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
