package io.baton.security;

import java.util.List;

/**
 * Pages anyone may open without logging in, because their unguessable link is the credential and
 * each shows one case (a client's survey page). The module that serves such pages declares them as
 * a bean of this type; the security configuration lets them through and denies every other path it
 * does not know.
 */
public interface PublicPages {

  /** Path patterns as Spring's {@code PathPattern} reads them, e.g. {@code /survey/*}. */
  List<String> patterns();
}
