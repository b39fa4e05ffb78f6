package io.baton.operations;

import io.baton.system.CaseContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request about one case ({@code /api/cases/{key}/...}) is logged with that case key in the
 * logging context, from the first filter on. A path segment that does not look like a key is left
 * out of the logs.
 */
@Configuration
class CaseRequestContext {

  static final String CASES = "/api/cases/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> caseRequestContextFilter() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try (CaseContext context = CaseContext.of(caseKey(request))) {
          chain.doFilter(request, response);
        }
      }
    });
    registration.addUrlPatterns(CASES + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setName("caseRequestContext");
    return registration;
  }

  static String caseKey(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(CASES)) {
      return null;
    }
    String rest = path.substring(CASES.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
