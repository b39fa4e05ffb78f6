package io.baton.cases;

import io.baton.handoff.HandoffKind;
import io.baton.handoff.HandoffRecorded;
import io.baton.system.BatonClock;
import io.baton.system.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The promised date of each case and what became of it: made when the case opens, changed when a
 * delay is announced, kept or broken when the service is delivered. Every step is recorded.
 */
@Service
public class CasePromises {

  private final CaseRepository cases;
  private final PromiseEventRepository events;
  private final ServiceCatalog catalog;
  private final ApplicationEventPublisher publisher;

  CasePromises(CaseRepository cases, PromiseEventRepository events, ServiceCatalog catalog,
      ApplicationEventPublisher publisher) {
    this.cases = cases;
    this.events = events;
    this.catalog = catalog;
    this.publisher = publisher;
  }

  void made(Case opened, Instant at) {
    events.save(new PromiseEvent(opened.getKey(), PromiseKind.MADE, opened.getPromisedDate(), null, null, at));
  }

  /** Moves the promise to {@code date}; false when it already is that date. */
  @Transactional
  public boolean change(String caseKey, LocalDate date, String note) {
    Case theCase = find(caseKey);
    LocalDate previous = theCase.getPromisedDate();
    if (previous.equals(date)) {
      return false;
    }
    theCase.promise(date);
    events.save(new PromiseEvent(caseKey, PromiseKind.CHANGED, date, previous, note, now()));
    return true;
  }

  @Transactional
  public void forecast(String caseKey, LocalDate date) {
    find(caseKey).forecast(date);
  }

  @Transactional(readOnly = true)
  public List<PromiseEvent> history(String caseKey) {
    return events.findByCaseKeyOrderByRecordedAtAscIdAsc(caseKey);
  }

  /** The service is delivered when its delivery stage hands the case on (not when it sends work back). */
  @EventListener
  void on(HandoffRecorded handoff) {
    if (handoff.kind() != HandoffKind.HANDOFF) {
      return;
    }
    cases.findByKey(handoff.caseKey()).ifPresent(theCase -> {
      if (theCase.getDeliveredAt() == null
          && Objects.equals(catalog.deliveredAt(theCase.getService()), handoff.fromStage())) {
        theCase.delivered(handoff.at());
        LocalDate deliveredOn = handoff.at().atZone(theCase.getClient().getTimeZone()).toLocalDate();
        boolean kept = !deliveredOn.isAfter(theCase.getPromisedDate());
        events.save(new PromiseEvent(theCase.getKey(), kept ? PromiseKind.KEPT : PromiseKind.BROKEN,
            theCase.getPromisedDate(), null, "delivered on " + deliveredOn, handoff.at()));
        publisher.publishEvent(new CaseDelivered(theCase.getKey(), handoff.at()));
      }
    });
  }

  private Case find(String caseKey) {
    return cases.findByKey(caseKey).orElseThrow(() -> new NotFoundException("No case with key '" + caseKey + "'."));
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
