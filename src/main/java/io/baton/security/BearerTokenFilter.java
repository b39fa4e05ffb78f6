package io.baton.security;

import io.baton.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>} on the APIs: the request runs as the token's user. */
class BearerTokenFilter extends OncePerRequestFilter {

  static final URI INVALID_TOKEN = URI.create("urn:baton:problem:invalid-token");

  private final ApiTokens tokens;
  private final CamundaIdentityAuthentication identity;

  BearerTokenFilter(ApiTokens tokens, CamundaIdentityAuthentication identity) {
    this.tokens = tokens;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiToken> token = tokens.authenticate(header.substring(7).trim());
    if (token.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Baton\", error=\"invalid_token\"");
      Problems.write(response, HttpStatus.UNAUTHORIZED, INVALID_TOKEN, "Unauthorized",
          "This API token is unknown or revoked. Ask an administrator for a new one.");
      return;
    }
    String user = token.get().getUserId();
    var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, identity.authoritiesOf(user));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
