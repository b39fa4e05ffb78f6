package io.baton.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One engagement of a client: one process instance, whose business key is the case key. The
 * engine carries only this key; what the case is lives here.
 */
@Entity(name = "ServiceCase")
@Table(name = "service_case")
public class Case {

  /** Drawn from {@code service_case_seq} before insert, so that the key can be made from it. */
  @Id
  private Long id;

  @Column(name = "case_key", nullable = false, unique = true)
  private String key;

  @Column(name = "external_reference", nullable = false, unique = true)
  private String externalReference;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "client_id")
  private Client client;

  @Column(nullable = false)
  private String service;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Tier tier;

  @Column(name = "promised_date", nullable = false)
  private LocalDate promisedDate;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  @Column(name = "current_stage")
  private String currentStage;

  @Column(name = "current_stage_name")
  private String currentStageName;

  @Column(name = "current_team")
  private String currentTeam;

  @Column(name = "stage_since")
  private Instant stageSince;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "opened_by")
  private String openedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "at_risk", nullable = false)
  private boolean atRisk;

  @Column(name = "forecast_date")
  private LocalDate forecastDate;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "contract_end")
  private LocalDate contractEnd;

  @Version
  private long version;

  protected Case() {}

  Case(long number, String keyPrefix, String externalReference, Client client, String service, Tier tier, LocalDate promisedDate,
      Instant openedAt) {
    this.id = number;
    this.key = keyPrefix + number;
    this.externalReference = externalReference;
    this.client = client;
    this.service = service;
    this.tier = tier;
    this.promisedDate = promisedDate;
    this.status = CaseStatus.OPEN;
    this.openedAt = openedAt;
  }

  void enterStage(String stageId, String stageName, String team, Instant at) {
    this.currentStage = stageId;
    this.currentStageName = stageName;
    this.currentTeam = team;
    this.stageSince = at;
  }

  void end(boolean completed, Instant at) {
    this.status = completed ? CaseStatus.CLOSED : CaseStatus.CANCELLED;
    this.closedAt = at;
  }

  /** Late work was escalated: the case may miss its promised date. */
  void markAtRisk() {
    this.atRisk = true;
  }

  void forecast(LocalDate date) {
    this.forecastDate = date;
  }

  void promise(LocalDate date) {
    this.promisedDate = date;
  }

  void delivered(Instant at) {
    this.deliveredAt = at;
  }

  void contractEnds(LocalDate date) {
    this.contractEnd = date;
  }

  public LocalDate getContractEnd() {
    return contractEnd;
  }

  public LocalDate getForecastDate() {
    return forecastDate;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public boolean isAtRisk() {
    return atRisk;
  }

  public String getKey() {
    return key;
  }

  public String getExternalReference() {
    return externalReference;
  }

  public Client getClient() {
    return client;
  }

  public String getService() {
    return service;
  }

  public Tier getTier() {
    return tier;
  }

  public LocalDate getPromisedDate() {
    return promisedDate;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getCurrentStage() {
    return currentStage;
  }

  public String getCurrentStageName() {
    return currentStageName;
  }

  public String getCurrentTeam() {
    return currentTeam;
  }

  public Instant getStageSince() {
    return stageSince;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  /** The user who opened the case over the API, if one did. */
  public String getOpenedBy() {
    return openedBy;
  }

  void openedBy(String user) {
    this.openedBy = user;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
