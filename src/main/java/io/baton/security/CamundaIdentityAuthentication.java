package io.baton.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against Camunda's identity service, so that staff, integrations and the
 * webapps share one set of users and groups. Each group becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  CamundaIdentityAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
  }

  /** The user's Camunda groups as authorities {@code GROUP_<id>}. */
  List<GrantedAuthority> authoritiesOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list()
        .stream()
        .map(Group::getId)
        .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
