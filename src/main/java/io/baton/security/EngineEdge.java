package io.baton.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.system.CachedBodyRequest;
import io.baton.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Baton's edge in front of the Camunda REST API ({@code /engine-rest}) and the webapps' own API
 * ({@code /camunda/api}), which are powerful by design. Here:
 * <ul>
 *   <li>no expression ({@code ${...}} or {@code #{...}}) gets through in a path, a query string
 *       or a JSON body at any depth, except in the bodies that carry data (variables, form
 *       submissions, messages), which the engine stores and never evaluates;
 *   <li>a candidate claims a task only for themself, and may give back a task they hold
 *       ({@link HolderMayUnclaim});
 *   <li>each webapp's API (Cockpit, Admin, Tasklist) answers only to users of that webapp;
 *   <li>Tasklist users get their personal filter on first use ({@link TasklistFilters}).
 * </ul>
 */
class EngineEdge extends OncePerRequestFilter {

  static final URI EXPRESSION_REFUSED = URI.create("urn:baton:problem:expression-refused");
  static final URI CLAIM_FOR_OTHERS = URI.create("urn:baton:problem:claim-for-someone-else");
  static final URI WEBAPP_FORBIDDEN = URI.create("urn:baton:problem:webapp-forbidden");
  static final URI UNAUTHORIZED = URI.create("urn:baton:problem:unauthorized");
  static final URI INVALID_REQUEST = URI.create("urn:baton:problem:invalid-request");
  static final URI TOO_LARGE = URI.create("urn:baton:problem:request-too-large");

  /** Large enough for any query or variable update a person sends; deployments are multipart. */
  static final long MAX_BODY = 10L * 1024 * 1024;

  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/([^/]+))(/.*)?$");
  private static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist|welcome)(/.*)?$");
  /** The login API, and the plugins' scripts and styles, which the webapps load before login. */
  private static final Pattern OPEN_WEBAPP_API =
      Pattern.compile("^/camunda/api/(?:admin/auth/.*|[a-z]+/plugin/[^/]+/static/.*)$");
  /** Bodies that carry data to store, never a query: variables, forms, messages, comments. */
  private static final Pattern DATA_BODY = Pattern.compile("^/(?:"
      + "task/[^/]+/(?:complete|submit-form|resolve|variables|localVariables|comment|attachment)(?:/.*)?"
      + "|task/create"
      + "|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)"
      + "|process-instance/[^/]+/(?:variables|modification|modification-async)(?:/.*)?"
      + "|execution/[^/]+/(?:localVariables|messageSubscriptions)(?:/.*)?"
      + "|external-task/[^/]+/(?:complete|failure|bpmnError)"
      + "|message|signal|condition)$");
  private static final Pattern UPDATE_TASK = Pattern.compile("^/task/(?!count$|report)[^/]+$");
  private static final Pattern CLAIM = Pattern.compile("^/task/([^/]+)/claim$");
  private static final Pattern UNCLAIM = Pattern.compile("^/task/([^/]+)/unclaim$");
  private static final Pattern FILTER_LIST = Pattern.compile("^/filter/?$");

  private static final Map<String, String> APP_NAMES =
      Map.of("cockpit", "Cockpit", "admin", "Admin", "tasklist", "Tasklist", "welcome", "Welcome");

  private final ObjectMapper json = new ObjectMapper();
  /** Reads bodies for the engine with limits far above any honest query. */
  private final ObjectMapper strict = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNameLength(1000).maxNumberLength(1000).maxNestingDepth(100).build())
      .build());
  private final TasklistFilters filters;

  EngineEdge(TasklistFilters filters) {
    this.filters = filters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith("/engine-rest") || path.startsWith("/camunda/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    Matcher webapp = WEBAPP_API.matcher(path);
    if (webapp.matches() && !OPEN_WEBAPP_API.matcher(path).matches()
        && !mayUseWebapp(request, response, webapp.group(1))) {
      return;
    }

    Optional<String> refused = expressionInPath(path).or(() -> expressionInQuery(request.getQueryString()));
    if (refused.isPresent()) {
      refuseExpression(response, refused.get());
      return;
    }

    Matcher engine = ENGINE_API.matcher(path);
    String operation = engine.matches() && engine.group(2) != null ? engine.group(2) : "";
    HttpServletRequest forward = request;
    JsonNode body = null;
    if (hasBody(request)) {
      CachedBodyRequest cached;
      try {
        cached = CachedBodyRequest.of(request, MAX_BODY);
      } catch (CachedBodyRequest.TooLarge e) {
        Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Request too large",
            "The request body is larger than " + MAX_BODY / (1024 * 1024) + " MB. Send less data per request.");
        return;
      }
      boolean carriesData = engine.matches() && (DATA_BODY.matcher(operation).matches()
          || "PUT".equals(request.getMethod()) && UPDATE_TASK.matcher(operation).matches());
      ParsedBody parsed = parse(cached.body());
      body = parsed.first();
      if (!carriesData && parsed.expressionAt() != null) {
        refuseExpression(response, parsed.expressionAt());
        return;
      }
      if (isJson(request)) {
        String unreadable = cached.isUtf8() ? unreadableJson(cached.body())
            : "is not valid UTF-8; send the body encoded as UTF-8";
        if (unreadable != null) {
          Problems.write(response, HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
              "body: " + unreadable, Map.of("errors", List.of(Map.of("field", "body", "message", unreadable))));
          return;
        }
        if (isEmptyJson(cached.body())) {
          // The Camunda REST API fails on a missing query; an empty one means "no criteria".
          cached = cached.withBody("{}".getBytes(StandardCharsets.UTF_8));
        }
      }
      forward = cached;
    }

    if (engine.matches()) {
      Caller caller = caller(request, engine.group(1));
      Matcher claim = CLAIM.matcher(operation);
      if ("POST".equals(request.getMethod()) && claim.matches() && caller != null && !caller.admin()) {
        JsonNode userId = body == null ? null : body.get("userId");
        if (userId == null || !userId.isTextual() || !userId.asText().equals(caller.id())) {
          Problems.write(response, HttpStatus.FORBIDDEN, CLAIM_FOR_OTHERS, "Claim only for yourself",
              "A task is claimed by the person who will work it: send {\"userId\": \"" + caller.id()
                  + "\"}. To hand a task to someone else, they claim it themselves once you have "
                  + "given it back (unclaim).");
          return;
        }
      }
      Matcher unclaim = UNCLAIM.matcher(operation);
      if ("POST".equals(request.getMethod()) && unclaim.matches() && caller != null) {
        HttpServletRequest unclaimRequest = forward;
        HolderMayUnclaim.allowFor(unclaim.group(1), () -> chain.doFilter(unclaimRequest, response));
        return;
      }
      if ("GET".equals(request.getMethod()) && FILTER_LIST.matcher(operation).matches() && caller != null
          && path.startsWith("/camunda/api/")) {
        filters.ensurePersonalFilter(caller.id());
      }
    }
    chain.doFilter(forward, response);
  }

  private boolean mayUseWebapp(HttpServletRequest request, HttpServletResponse response, String app)
      throws IOException {
    UserAuthentication user = webappUser(request, "default");
    if (user == null) {
      Problems.write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized",
          "Log in to " + APP_NAMES.get(app) + " first.");
      return false;
    }
    if (!user.isAuthorizedForApp(app)) {
      Problems.write(response, HttpStatus.FORBIDDEN, WEBAPP_FORBIDDEN, "Forbidden",
          "This API belongs to " + APP_NAMES.get(app) + ", which your account may not use. "
              + "An administrator can grant it in Admin under Authorizations > Application.");
      return false;
    }
    return true;
  }

  record Caller(String id, boolean admin) {}

  /** The user a request runs as: HTTP Basic on /engine-rest, the webapp session on /camunda/api. */
  private static Caller caller(HttpServletRequest request, String webappEngine) {
    if (webappEngine != null) {
      UserAuthentication user = webappUser(request, webappEngine);
      return user == null ? null
          : new Caller(user.getName(), user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINS));
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return null;
    }
    boolean admin = authentication.getAuthorities().stream()
        .anyMatch(a -> (CamundaIdentityAuthentication.GROUP_PREFIX + Groups.ADMINS).equals(a.getAuthority()));
    return new Caller(authentication.getName(), admin);
  }

  private static UserAuthentication webappUser(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user)
        ? null : user;
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().contains("json");
  }

  private static boolean isEmptyJson(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.isEmpty() || text.equals("null");
  }

  /**
   * Why a JSON body cannot be read, or null when it is one well-formed JSON value. The
   * Camunda REST API would answer such a body with a 500.
   */
  private String unreadableJson(byte[] body) {
    if (isEmptyJson(body)) {
      return null;
    }
    try (com.fasterxml.jackson.core.JsonParser parser = strict.getFactory().createParser(body)) {
      if (parser.readValueAsTree() == null) {
        return null;
      }
      if (parser.nextToken() != null) {
        return "holds more than one JSON value; send exactly one JSON object";
      }
      return null;
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      return "is too large a JSON document: " + e.getOriginalMessage().replaceAll(",\\s*from `[^`]*`", "");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      return "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (IOException e) {
      return "cannot be read";
    }
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method))) {
      return false;
    }
    String type = request.getContentType();
    return type == null || !type.toLowerCase().startsWith("multipart/");
  }

  private static Optional<String> expressionInPath(String rawPath) {
    String path;
    try {
      path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      path = rawPath;
    }
    return holdsExpression(path) || holdsExpression(rawPath) ? Optional.of("the path") : Optional.empty();
  }

  private static Optional<String> expressionInQuery(String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      String name = decode(parts[0]);
      if (holdsExpression(name) || parts.length > 1 && holdsExpression(decode(parts[1]))) {
        return Optional.of("the query parameter '" + name + "'");
      }
    }
    return Optional.empty();
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** The first JSON value of a body, and where, if anywhere, in any of its values an expression is. */
  record ParsedBody(JsonNode first, String expressionAt) {}

  private ParsedBody parse(byte[] body) {
    JsonNode first = null;
    try (MappingIterator<JsonNode> values = json.readerFor(JsonNode.class).readValues(body)) {
      while (values.hasNext()) {
        JsonNode value = values.next();
        if (first == null) {
          first = value;
        }
        String at = expressionIn(value, "");
        if (at != null) {
          return new ParsedBody(first, "the field '" + (at.isEmpty() ? "body" : at) + "'");
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: the engine refuses it anyway; still, nothing that looks like an expression passes.
      String text = new String(body, StandardCharsets.UTF_8);
      if (holdsExpression(text) || text.contains("\\u0024") || text.contains("\\u0023")) {
        return new ParsedBody(first, "the body");
      }
    }
    return new ParsedBody(first, null);
  }

  private static String expressionIn(JsonNode node, String at) {
    if (node.isTextual()) {
      return holdsExpression(node.asText()) ? at : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = expressionIn(node.get(i), at + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
        if (holdsExpression(field.getKey())) {
          return name;
        }
        String found = expressionIn(field.getValue(), name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static boolean holdsExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private static void refuseExpression(HttpServletResponse response, String where) throws IOException {
    Problems.write(response, HttpStatus.BAD_REQUEST, EXPRESSION_REFUSED, "Expressions are not accepted",
        "The request holds an expression (${...} or #{...}) in " + where + ". Baton never evaluates "
            + "expressions sent by a caller: send the literal value instead, for example the user id "
            + "rather than ${currentUser()}.",
        Map.of("field", where));
  }
}
