package io.baton.cases;

import io.baton.handoff.HandoffService;
import io.baton.security.Caller;
import io.baton.security.Groups;
import io.baton.system.NotFoundException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may read which case. Account managers, team leads, managers and administrators see every
 * case; an integration sees the cases it opened; a team sees the cases it has or had. Any other
 * case is "not found", the same as one that does not exist, so that sequential keys tell nothing.
 */
@Component
public class CaseAccess {

  private final CaseService cases;
  private final HandoffService handoffs;

  CaseAccess(CaseService cases, HandoffService handoffs) {
    this.cases = cases;
    this.handoffs = handoffs;
  }

  /** The case, if the current caller may read it; otherwise a 404. */
  public Case readable(String key) {
    Caller caller = Caller.current();
    Case theCase = cases.get(key);
    if (!mayRead(caller, theCase)) {
      throw new NotFoundException("No case with key '" + key + "'.");
    }
    return theCase;
  }

  boolean mayRead(Caller caller, Case theCase) {
    if (caller.seesEveryCase()) {
      return true;
    }
    if (caller.groups().contains(Groups.INTEGRATIONS) && caller.id() != null
        && caller.id().equals(theCase.getOpenedBy())) {
      return true;
    }
    if (theCase.getCurrentTeam() != null && caller.groups().contains(theCase.getCurrentTeam())) {
      return true;
    }
    Set<String> teams = handoffs.teamsOf(theCase.getKey());
    return caller.groups().stream().anyMatch(teams::contains);
  }
}
