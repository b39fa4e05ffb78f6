package io.baton.cases;

/**
 * Process variables every case process starts with. They carry only what task forms display;
 * the case itself lives in Baton's tables, keyed by the business key.
 */
public final class CaseVariables {
  public static final String CASE_KEY = "caseKey";
  public static final String CLIENT_NAME = "clientName";
  public static final String SERVICE = "service";
  public static final String TIER = "tier";
  public static final String PROMISED_DATE = "promisedDate";

  private CaseVariables() {}
}
