package io.baton.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person or system a request to Baton's API runs as, with their Camunda groups, and what
 * that lets them see beyond their own cases.
 */
public record Caller(String id, Set<String> groups) {

  /** Those who work with clients: they see clients' contact data and the notification log. */
  public static final List<String> CLIENT_FACING =
      List.of(Groups.ACCOUNT_MANAGERS, Groups.TEAM_LEADS, Groups.MANAGERS, Groups.ADMINS);
  /** Those who oversee the operation: they see every case. */
  public static final List<String> OVERSEERS = CLIENT_FACING;

  /** The caller of the current request, or an anonymous one without groups. */
  public static Caller current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return new Caller(null, Set.of());
    }
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthentication.GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new Caller(authentication.getName(), groups);
  }

  public boolean inAny(List<String> candidates) {
    return candidates.stream().anyMatch(groups::contains);
  }

  public boolean seesEveryCase() {
    return inAny(OVERSEERS);
  }

  public boolean seesClientContact() {
    return inAny(CLIENT_FACING);
  }

  /** Runs {@code work} with the engine authenticated as this caller, so Camunda's authorizations apply. */
  public <T> T inEngine(IdentityService identityService, Supplier<T> work) {
    Authentication before = identityService.getCurrentAuthentication();
    identityService.setAuthentication(id, List.copyOf(groups));
    try {
      return work.get();
    } finally {
      if (before == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(before);
      }
    }
  }
}
