package io.baton.cases;

import io.baton.secrets.RefusedWebhookTarget;
import io.baton.secrets.WebhookTargets;
import io.baton.system.CaseContext;
import io.baton.system.BatonClock;
import io.baton.system.ConflictException;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens cases and finds them. Opening is idempotent on the external reference. A client's webhook
 * URL must point outside Baton's own network ({@link WebhookTargets}).
 */
@Service("batonCaseService") // Camunda already registers a "caseService" (CMMN)
public class CaseService {

  static final String KEY_PREFIX = "C-";
  private static final int MAX_ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  public record Opened(Case theCase, boolean created) {}

  private final CaseRepository cases;
  private final ClientRepository clients;
  private final ServiceCatalog catalog;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final CaseNumbers numbers;
  private final CasePromises promises;
  private final WebhookTargets webhookTargets;

  CaseService(CaseRepository cases, ClientRepository clients, ServiceCatalog catalog,
      RuntimeService runtimeService, PlatformTransactionManager transactionManager,
      CaseNumbers numbers, CasePromises promises, WebhookTargets webhookTargets) {
    this.cases = cases;
    this.webhookTargets = webhookTargets;
    this.promises = promises;
    this.numbers = numbers;
    this.clients = clients;
    this.catalog = catalog;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Opens the case and starts its process in one transaction, or returns the case already opened
   * for the same external reference. Two concurrent requests with one reference make one case: the
   * loser's insert hits a unique constraint, rolls back, and on its next attempt finds the winner's.
   */
  public Opened open(OpenCase request) {
    return open(request, null);
  }

  /** Opens the case as {@code openedBy}, the user who asked for it. */
  public Opened open(OpenCase request, String openedBy) {
    if (request.webhookUrl() != null) {
      try {
        webhookTargets.check(request.webhookUrl());
      } catch (RefusedWebhookTarget refused) {
        throw new InvalidFieldException("client.webhookUrl", refused.getMessage());
      }
    }
    String process = catalog.processFor(request.service());
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> openOrFind(request, process, openedBy));
      } catch (DataIntegrityViolationException raced) {
        // Another request inserted the same case or client first; the next attempt finds it.
        if (attempt == MAX_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private Opened openOrFind(OpenCase request, String process, String openedBy) {
    var existing = cases.findByExternalReference(request.externalReference());
    if (existing.isPresent()) {
      return new Opened(sameRequest(existing.get(), request), false);
    }
    Instant now = BatonClock.now();
    String email = request.clientEmail().trim().toLowerCase(Locale.ROOT);
    Client client = clients.findByEmailIgnoreCase(email).map(known -> sameClient(known, request)).orElseGet(() -> {
      Client created = new Client(request.clientName(), email, request.language(), request.timeZone(), now);
      created.useChannels(request.emailEnabled(), request.webhookUrl(), request.webhookSecret());
      return clients.save(created);
    });
    // Flushed here, so that a concurrent duplicate fails on its insert, before the process starts.
    Case opened = cases.saveAndFlush(new Case(numbers.next(), KEY_PREFIX, request.externalReference(),
        client, request.service(), request.tier(), request.promisedDate(), now));
    if (request.contractEnd() != null) {
      opened.contractEnds(request.contractEnd());
    }
    opened.openedBy(openedBy);
    promises.made(opened, now);
    try (CaseContext context = CaseContext.of(opened.getKey())) {
      log.info("Case {} opened: {}, {} tier, promised for {}", opened.getKey(), opened.getService(),
          opened.getTier().code(), opened.getPromisedDate());
      runtimeService.startProcessInstanceByKey(process, opened.getKey(), variables(opened));
    }
    return new Opened(opened, true);
  }

  /**
   * A returning client's details must match what Baton has: a case never changes them quietly.
   * Staff change them with PATCH /api/clients/{id}, which records who changed what.
   */
  private static Client sameClient(Client known, OpenCase request) {
    List<String> differ = new ArrayList<>();
    if (!known.getName().equals(request.clientName().trim())) {
      differ.add("name");
    }
    if (known.getLanguage() != request.language()) {
      differ.add("language");
    }
    if (!known.getTimeZone().equals(request.timeZone())) {
      differ.add("timeZone");
    }
    if (known.isEmailEnabled() != request.emailEnabled()) {
      differ.add("emailNotifications");
    }
    if (!Objects.equals(known.getWebhookUrl(), request.webhookUrl())
        || request.webhookSecret() != null && !request.webhookSecret().equals(known.getWebhookSecret())) {
      differ.add("webhook");
    }
    if (!differ.isEmpty()) {
      throw new ConflictException("Client " + known.getEmail() + " is known (client id " + known.getId()
          + ") with another " + String.join(", ", differ) + ". Baton does not change a client's details "
          + "when a case is opened: change them first with PATCH /api/clients/" + known.getId()
          + ", or send the details Baton has (GET /api/clients/" + known.getId() + ").");
    }
    return known;
  }

  private static Case sameRequest(Case existing, OpenCase request) {
    boolean same = existing.getService().equals(request.service())
        && existing.getClient().getEmail().equalsIgnoreCase(request.clientEmail().trim());
    if (!same) {
      throw new ConflictException("External reference '" + request.externalReference()
          + "' already opened case " + existing.getKey() + " for another client or service.");
    }
    return existing;
  }

  private static Map<String, Object> variables(Case c) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_KEY, c.getKey());
    variables.put(CaseVariables.CLIENT_NAME, c.getClient().getName());
    variables.put(CaseVariables.SERVICE, c.getService());
    variables.put(CaseVariables.TIER, c.getTier().code());
    variables.put(CaseVariables.PROMISED_DATE, c.getPromisedDate().toString());
    return variables;
  }

  /** Marks the case at risk, in the caller's transaction. */
  @Transactional
  public void markAtRisk(String key) {
    get(key).markAtRisk();
  }

  public Case get(String key) {
    return cases.findByKey(Objects.requireNonNull(key))
        .orElseThrow(() -> new NotFoundException("No case with key '" + key + "'."));
  }
}
