package io.baton.followup;

import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseDelivered;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.engine.CaseProcesses;
import io.baton.engine.ScanFailures;
import io.baton.notification.Channel;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.notification.TemplateKey;
import io.baton.security.Groups;
import io.baton.system.BatonClock;
import io.baton.system.CaseContext;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import io.baton.system.ScanFinished;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After delivery: the client gets a satisfaction survey the next working day (their calendar),
 * with a private link whose answer is stored on the case (the link works for
 * {@code baton.follow-ups.survey-link-valid-for}, and the answer can be changed for
 * {@code survey-answer-changeable-for}, then it is locked); when the case has a contract end, the
 * account managers are reminded to talk about renewal some days before it. Each goes out once,
 * also with several Baton nodes.
 */
@Service
public class FollowUps {

  public static final String SURVEY_PATH = "/survey/";

  public record Answer(String caseKey, int score, String comment, Instant answeredAt) {}

  /**
   * A survey link as its page shows it: the case, whether the link still works, and the answer so
   * far with whether it can still be changed.
   */
  record Survey(Case theCase, boolean expired, Optional<Answer> answer, boolean locked) {}

  /** The survey link is older than {@code baton.follow-ups.survey-link-valid-for}. */
  static class LinkExpired extends RuntimeException {
    LinkExpired() {
      super("This survey link has expired.");
    }
  }

  /** The client answered already, and the time to change the answer is over. */
  static class AnswerLocked extends RuntimeException {
    AnswerLocked() {
      super("This survey has been answered already.");
    }
  }

  private final FollowUpRepository followUps;
  private final SurveyAnswerRepository answers;
  private final CaseService cases;
  private final BusinessCalendars calendars;
  private final NotificationService notifications;
  private final TransactionTemplate transaction;
  private final ScanFailures failures;
  private final SecureRandom random = new SecureRandom();
  private final String publicUrl;
  private final int renewalNoticeDays;
  private final boolean scan;
  private final Duration linkValidFor;
  private final Duration answerChangeableFor;
  private final ApplicationEventPublisher events;

  private final CaseProcesses processes;

  FollowUps(FollowUpRepository followUps, SurveyAnswerRepository answers, CaseService cases,
      BusinessCalendars calendars, NotificationService notifications, PlatformTransactionManager transactionManager,
      ScanFailures failures, @Value("${baton.public-url:http://localhost:8080}") String publicUrl,
      @Value("${baton.follow-ups.renewal-notice-days:30}") int renewalNoticeDays,
      @Value("${baton.sla.scan:true}") boolean scan,
      @Value("${baton.follow-ups.survey-link-valid-for:P30D}") Duration linkValidFor,
      @Value("${baton.follow-ups.survey-answer-changeable-for:PT15M}") Duration answerChangeableFor,
      ApplicationEventPublisher events, CaseProcesses processes) {
    this.events = events;
    this.processes = processes;
    this.followUps = followUps;
    this.answers = answers;
    this.cases = cases;
    this.calendars = calendars;
    this.notifications = notifications;
    this.transaction = new TransactionTemplate(transactionManager);
    this.failures = failures;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.renewalNoticeDays = renewalNoticeDays;
    this.scan = scan;
    this.linkValidFor = linkValidFor;
    this.answerChangeableFor = answerChangeableFor;
  }

  @EventListener
  void on(CaseDelivered delivered) {
    Case theCase = cases.get(delivered.caseKey());
    if (!followUps.existsByCaseKeyAndKind(theCase.getKey(), FollowUpKind.SURVEY)) {
      Instant due = calendars.forClient(theCase.getClient().getTimeZone()).plusWorkingDays(delivered.at(), 1);
      followUps.save(new FollowUp(theCase.getKey(), FollowUpKind.SURVEY, due, newToken()));
    }
    if (theCase.getContractEnd() != null && !followUps.existsByCaseKeyAndKind(theCase.getKey(), FollowUpKind.RENEWAL)) {
      Instant due = theCase.getContractEnd().minusDays(renewalNoticeDays)
          .atTime(9, 0).atZone(theCase.getClient().getTimeZone()).toInstant();
      followUps.save(new FollowUp(theCase.getKey(), FollowUpKind.RENEWAL, due.isBefore(delivered.at())
          ? delivered.at() : due, null));
    }
  }

  @Scheduled(fixedDelayString = "${baton.sla.scan-interval:PT1M}", initialDelayString = "${baton.sla.scan-interval:PT1M}",
      scheduler = FollowUpConfiguration.SCHEDULER)
  void onSchedule() {
    if (scan) {
      sendDue();
    }
  }

  /**
   * Sends the follow-ups that are due, each in its own transaction; returns how many this node
   * sent. One that fails is reported and tried again at the next scan; the others still go out.
   */
  public int sendDue() {
    long started = System.nanoTime();
    Instant now = BatonClock.now();
    int sent = 0;
    for (FollowUp followUp : followUps.findDue(now)) {
      try (CaseContext context = CaseContext.of(followUp.getCaseKey(),
          processes.processInstanceId(followUp.getCaseKey()))) {
        Boolean took = transaction.execute(status -> {
          Instant linkExpiresAt = followUp.getToken() == null ? null : now.plus(linkValidFor);
          if (followUps.take(followUp.getId(), now, linkExpiresAt) != 1) {
            return false;
          }
          send(followUp);
          events.publishEvent(new FollowUpSent(followUp.getCaseKey(), followUp.getKind()));
          return true;
        });
        sent += Boolean.TRUE.equals(took) ? 1 : 0;
      } catch (RuntimeException e) {
        failures.report(followUp.getCaseKey(), "follow-up:" + followUp.getKind(), e);
      }
    }
    events.publishEvent(new ScanFinished(ScanFinished.FOLLOW_UPS, sent, Duration.ofNanos(System.nanoTime() - started)));
    return sent;
  }

  private void send(FollowUp followUp) {
    String step = "follow-up:" + followUp.getCaseKey() + ":" + followUp.getKind();
    Case theCase = cases.get(followUp.getCaseKey());
    if (followUp.getKind() == FollowUpKind.SURVEY) {
      notifications.notifyClient(theCase.getKey(), NotificationTemplate.SATISFACTION_SURVEY.id(),
          EnumSet.of(Channel.EMAIL), step,
          language -> Map.of(TemplateKey.SURVEY_LINK.key(), publicUrl + SURVEY_PATH + followUp.getToken()));
    } else {
      notifications.notifyStaff(theCase.getKey(), NotificationTemplate.RENEWAL_REMINDER.id(), null,
          Groups.ACCOUNT_MANAGERS, step,
          Map.of(TemplateKey.CONTRACT_END.key(),
              NotificationService.formatDate(theCase.getContractEnd(), Language.EN)));
    }
  }

  /** The case a survey link is for; 404 for a link Baton never sent. */
  @Transactional(readOnly = true)
  public Case surveyCase(String token) {
    return cases.get(surveyFollowUp(token).getCaseKey());
  }

  /** What the survey page shows for a link; 404 for a link Baton never sent. */
  @Transactional(readOnly = true)
  Survey survey(String token) {
    FollowUp followUp = surveyFollowUp(token);
    Instant now = BatonClock.now();
    Instant expiresAt = followUp.linkExpiresAt(linkValidFor);
    Optional<SurveyAnswer> answer = answers.findById(followUp.getCaseKey());
    return new Survey(cases.get(followUp.getCaseKey()), expiresAt != null && !now.isBefore(expiresAt),
        answer.map(a -> answerOf(followUp.getCaseKey(), a)), answer.map(a -> a.isLocked(now)).orElse(false));
  }

  /**
   * Stores the client's answer. A link past {@code survey-link-valid-for} takes none
   * ({@link LinkExpired}); a second answer changes the first within
   * {@code survey-answer-changeable-for}, after that it is refused ({@link AnswerLocked}).
   */
  @Transactional
  public Answer answer(String token, int score, String comment) {
    Survey survey = survey(token);
    if (survey.expired()) {
      throw new LinkExpired();
    }
    if (survey.locked()) {
      throw new AnswerLocked();
    }
    if (score < 1 || score > 5) {
      throw new InvalidFieldException("score", "must be a number from 1 to 5");
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.length() > 2000) {
      text = text.substring(0, 2000);
    }
    Instant now = BatonClock.now();
    String caseKey = survey.theCase().getKey();
    SurveyAnswer answer = answers.findById(caseKey).orElse(null);
    if (answer == null) {
      answer = answers.save(new SurveyAnswer(caseKey, score, text, now, now.plus(answerChangeableFor)));
    } else {
      answer.answer(score, text, now);
    }
    return answerOf(caseKey, answer);
  }

  private FollowUp surveyFollowUp(String token) {
    return followUps.findByToken(token).filter(f -> f.getKind() == FollowUpKind.SURVEY)
        .orElseThrow(() -> new NotFoundException("This survey link is not valid."));
  }

  private static Answer answerOf(String caseKey, SurveyAnswer a) {
    return new Answer(caseKey, a.getScore(), a.getComment(), a.getAnsweredAt());
  }

  @Transactional(readOnly = true)
  public Optional<Answer> answerOf(String caseKey) {
    return answers.findById(caseKey).map(a -> answerOf(caseKey, a));
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
