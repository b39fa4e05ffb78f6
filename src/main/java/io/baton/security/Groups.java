package io.baton.security;

import java.util.List;

/** The Camunda groups Baton works with. Teams own stages; the rest have roles around them. */
public final class Groups {
  public static final String ACCOUNT_MANAGERS = "account-managers";
  public static final String DELIVERY_LEADS = "delivery-leads";
  public static final String DELIVERY = "delivery";
  public static final String QA = "qa";
  public static final String TEAM_LEADS = "team-leads";
  public static final String MANAGERS = "managers";
  /** Systems such as a CRM that open cases over the API. */
  public static final String INTEGRATIONS = "integrations";
  /** Operators' monitoring systems: they scrape metrics and read health details, nothing else. */
  public static final String MONITORING = "monitoring";
  /** Camunda's administrators group: full access to everything. */
  public static final String ADMINS = "camunda-admin";

  /** People who work tasks in Tasklist. */
  public static final List<String> STAFF =
      List.of(ACCOUNT_MANAGERS, DELIVERY_LEADS, DELIVERY, QA, TEAM_LEADS, MANAGERS);

  private Groups() {}
}
