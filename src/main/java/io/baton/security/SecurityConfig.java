package io.baton.security;

import io.baton.system.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who gets in where.
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda identity, no
 *       session; the engine REST API then runs as that user, so Camunda's authorizations apply.
 *   <li>{@code /camunda/**}: the webapps, which log users in themselves; their first-run setup,
 *       which would let anyone create an administrator, is closed.
 *   <li>{@code /actuator/**}: health for anyone (details for monitoring and administrators),
 *       Prometheus metrics for the {@code monitoring} group and administrators, nothing else.
 *   <li>the OpenAPI description and clients' survey pages are public; everything else is denied.
 * </ul>
 */
@Configuration
class SecurityConfig {

  static final String[] API = {"/api/**", "/engine-rest/**"};
  static final String[] ADMIN_SETUP = {
      "/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**"};
  static final URI UNAUTHORIZED = URI.create("urn:baton:problem:unauthorized");
  static final URI FORBIDDEN = URI.create("urn:baton:problem:forbidden");

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthentication identity, ApiTokens tokens)
      throws Exception {
    String[] caseOpeners = authorities(Groups.ACCOUNT_MANAGERS, Groups.MANAGERS, Groups.INTEGRATIONS, Groups.ADMINS);
    String[] operators = authorities(Groups.TEAM_LEADS, Groups.MANAGERS, Groups.ADMINS);
    String[] clientFacing = authorities(Caller.CLIENT_FACING.toArray(String[]::new));
    String[] staff = authorities(Groups.ACCOUNT_MANAGERS, Groups.DELIVERY_LEADS, Groups.DELIVERY, Groups.QA,
        Groups.TEAM_LEADS, Groups.MANAGERS, Groups.ADMINS);
    String[] caseReaders = authorities(Groups.ACCOUNT_MANAGERS, Groups.DELIVERY_LEADS, Groups.DELIVERY,
        Groups.QA, Groups.TEAM_LEADS, Groups.MANAGERS, Groups.INTEGRATIONS, Groups.ADMINS);
    return http
        .securityMatcher(new OrRequestMatcher(paths(API)))
        .authenticationProvider(identity)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/api/tokens/**")).hasAnyAuthority(authorities(Groups.ADMINS))
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/cases")).hasAnyAuthority(caseOpeners)
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/notifications/**")).hasAnyAuthority(operators)
            .requestMatchers(paths("/api/notifications/**", "/api/reports/**", "/api/clients/**"))
            .hasAnyAuthority(clientFacing)
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/cases/*/waiting-for-client")).hasAnyAuthority(staff)
            .requestMatchers(paths("/api/**")).hasAnyAuthority(caseReaders)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Baton")
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"Baton\"");
              write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized",
                  "Send HTTP Basic credentials of a Baton user.");
            }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "Your groups do not allow this request.")))
        .addFilterBefore(new BearerTokenFilter(tokens, identity), BasicAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * Spring Boot's actuator: health (and its probes) for anyone, with details only for monitoring
   * and administrators; Prometheus metrics only for them, with HTTP Basic or an API token of a
   * user in {@code monitoring}; every other actuator path is closed.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthentication identity, ApiTokens tokens)
      throws Exception {
    return http
        .securityMatcher(PATHS.matcher("/actuator/**"))
        .authenticationProvider(identity)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
            .requestMatchers(paths("/actuator/prometheus")).hasAnyAuthority(authorities(Groups.MONITORING, Groups.ADMINS))
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Baton")
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"Baton\"");
              write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized",
                  "Send HTTP Basic credentials or an API token of a user in the monitoring group.");
            }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "Only the monitoring group and administrators read this.")))
        .addFilterBefore(new BearerTokenFilter(tokens, identity), BasicAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    // The Camunda webapps bring their own login, CSRF protection and security headers.
    return http
        .securityMatcher(PATHS.matcher("/camunda/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths(ADMIN_SETUP)).denyAll()
            .anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, ObjectProvider<PublicPages> publicPages) throws Exception {
    String[] pages = publicPages.orderedStream().flatMap(page -> page.patterns().stream()).toArray(String[]::new);
    return http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/", "/error", "/v3/api-docs/**", "/v3/api-docs.yaml")).permitAll()
            // Such as a client's survey page: the unguessable link is the credential, and it shows one case.
            .requestMatchers(paths(pages)).permitAll()
            .anyRequest().denyAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** Runs engine REST requests as the user Spring Security authenticated, with their groups. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.setName("engineRestAuthentication");
    return registration;
  }

  /** After authentication, before the engine REST API and the webapps' API see the request. */
  @Bean
  FilterRegistrationBean<EngineEdge> engineEdge(TasklistFilters filters) {
    var registration = new FilterRegistrationBean<>(new EngineEdge(filters));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    registration.setName("engineEdge");
    return registration;
  }

  /**
   * Matches on the whole path: the engine REST API and the webapps are servlets of their own, so
   * Spring MVC's servlet-relative matching would miss them.
   */
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  private static RequestMatcher[] paths(String... patterns) {
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = PATHS.matcher(patterns[i]);
    }
    return matchers;
  }

  private static String[] authorities(String... groups) {
    String[] authorities = new String[groups.length];
    for (int i = 0; i < groups.length; i++) {
      authorities[i] = CamundaIdentityAuthentication.GROUP_PREFIX + groups[i];
    }
    return authorities;
  }

  private static void write(HttpServletResponse response, HttpStatus status, URI type, String title,
      String detail) throws IOException {
    Problems.write(response, status, type, title, detail);
  }
}
