package io.baton.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request to Baton's own API and pages meets first: a body of at most
 * {@value #MAX_BODY} bytes, in valid UTF-8 (an overlong encoding is not quietly read as another
 * character), with a concrete Content-Type; and errors from the firewall and from Tomcat itself
 * as problem+json.
 */
@Configuration
class WebEdge {

  static final int MAX_BODY = 64 * 1024;
  static final URI TOO_LARGE = URI.create("urn:baton:problem:request-too-large");
  static final URI INVALID_REQUEST = URI.create("urn:baton:problem:invalid-request");
  static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:baton:problem:unsupported-media-type");
  static final URI REJECTED = URI.create("urn:baton:problem:request-rejected");

  @Bean
  FilterRegistrationBean<BodyCheck> bodyCheck() {
    var registration = new FilterRegistrationBean<>(new BodyCheck());
    registration.addUrlPatterns("/api/*", "/survey/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setName("bodyCheck");
    return registration;
  }

  /**
   * An empty path segment ({@code //}): Tomcat maps it as if it were one slash, but the webapps'
   * servlets would fail on it, so it is refused before any of them sees it.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> normalizedPaths() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (request.getRequestURI().contains("//")) {
          Problems.write(response, HttpStatus.BAD_REQUEST, REJECTED, "Request rejected",
              "The path holds an empty segment ('//'). Send a normalized path.");
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("normalizedPaths");
    return registration;
  }

  /** The firewall's refusals (a {@code ..}, {@code ;}, {@code //}, CR or LF in the path). */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> {
      if (response.isCommitted()) {
        return;
      }
      Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE);
      if (original instanceof Integer code && HttpStatus.resolve(code) != null && code >= 400 && code < 500) {
        HttpStatus status = HttpStatus.valueOf(code);
        var problem = ErrorProblems.problemFor(status, null);
        Problems.write(response, status, problem.getType(), problem.getTitle(), problem.getDetail());
        return;
      }
      Problems.write(response, HttpStatus.BAD_REQUEST, REJECTED, "Request rejected",
          "The request was refused: " + reason(rejected.getMessage())
              + ". Send a normalized path without '..', ';', '//', encoded slashes or control characters.");
    };
  }

  private static String reason(String message) {
    if (message == null) {
      return "its URL is not allowed";
    }
    int quote = message.indexOf('"');
    return (quote > 0 ? message.substring(0, quote) : message).trim().replaceAll("[.:]$", "");
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  static final class BodyCheck extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      if (type != null && !type.isBlank()) {
        MediaType media;
        try {
          media = MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
          unsupported(response, "The Content-Type '" + shorten(type) + "' is not a media type");
          return;
        }
        if (media.isWildcardType() || media.isWildcardSubtype()) {
          unsupported(response, "The Content-Type '" + shorten(type) + "' is a wildcard");
          return;
        }
        if ("multipart".equals(media.getType())) {
          unsupported(response, "Baton's API takes no multipart bodies");
          return;
        }
      }
      // Tomcat reads form fields from the request itself (its size: server.tomcat.max-http-form-post-size).
      if (!hasBody(request) || type != null && type.startsWith("application/x-www-form-urlencoded")) {
        chain.doFilter(request, response);
        return;
      }
      CachedBodyRequest cached;
      try {
        cached = CachedBodyRequest.of(request, MAX_BODY);
      } catch (CachedBodyRequest.TooLarge e) {
        Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Request too large",
            "The body is larger than " + MAX_BODY / 1024 + " KB; no Baton request needs that much.");
        return;
      }
      if (isText(request)) {
        if (!cached.isUtf8()) {
          String message = "is not valid UTF-8; send the body encoded as UTF-8";
          Problems.write(response, HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", "body: " + message,
              java.util.Map.of("errors", java.util.List.of(java.util.Map.of("field", "body", "message", message))));
          return;
        }
      }
      chain.doFilter(cached, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
      return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isText(HttpServletRequest request) {
      String type = request.getContentType();
      return type == null || type.contains("json") || type.startsWith("text/");
    }

    private static void unsupported(HttpServletResponse response, String why) throws IOException {
      Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
          "Unsupported media type", why + "; send the body as application/json.");
    }

    private static String shorten(String text) {
      String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
      return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
  }
}
