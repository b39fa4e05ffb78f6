package io.baton.followup;

import io.baton.calendar.BusinessCalendars;
import io.baton.cases.Case;
import io.baton.cases.CaseDelivered;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.notification.Channel;
import io.baton.notification.NotificationService;
import io.baton.security.Groups;
import io.baton.sla.ScanFailures;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After delivery: the client gets a satisfaction survey the next working day (their calendar),
 * with a private link whose answer is stored on the case; when the case has a contract end, the
 * account managers are reminded to talk about renewal some days before it. Each goes out once,
 * also with several Baton nodes.
 */
@Service
public class FollowUps {

  static final String SURVEY_TEMPLATE = "satisfaction-survey";
  static final String RENEWAL_TEMPLATE = "renewal-reminder";
  public static final String SURVEY_PATH = "/survey/";

  public record Answer(String caseKey, int score, String comment, Instant answeredAt) {}

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

  FollowUps(FollowUpRepository followUps, SurveyAnswerRepository answers, CaseService cases,
      BusinessCalendars calendars, NotificationService notifications, PlatformTransactionManager transactionManager,
      ScanFailures failures, @Value("${baton.public-url:http://localhost:8080}") String publicUrl,
      @Value("${baton.follow-ups.renewal-notice-days:30}") int renewalNoticeDays,
      @Value("${baton.sla.scan:true}") boolean scan) {
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
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int sent = 0;
    for (FollowUp followUp : followUps.findDue(now)) {
      try {
        Boolean took = transaction.execute(status -> {
          if (followUps.take(followUp.getId(), now) != 1) {
            return false;
          }
          send(followUp);
          return true;
        });
        sent += Boolean.TRUE.equals(took) ? 1 : 0;
      } catch (RuntimeException e) {
        failures.report(followUp.getCaseKey(), "follow-up:" + followUp.getKind(), e);
      }
    }
    return sent;
  }

  private void send(FollowUp followUp) {
    String step = "follow-up:" + followUp.getCaseKey() + ":" + followUp.getKind();
    Case theCase = cases.get(followUp.getCaseKey());
    if (followUp.getKind() == FollowUpKind.SURVEY) {
      notifications.notifyClient(theCase.getKey(), SURVEY_TEMPLATE, EnumSet.of(Channel.EMAIL), step,
          language -> Map.of("surveyLink", publicUrl + SURVEY_PATH + followUp.getToken()));
    } else {
      notifications.notifyStaff(theCase.getKey(), RENEWAL_TEMPLATE, null, Groups.ACCOUNT_MANAGERS, step,
          Map.of("contractEnd", NotificationService.formatDate(theCase.getContractEnd(), Language.EN)));
    }
  }

  /** The case a survey link is for; 404 for a link Baton never sent. */
  @Transactional(readOnly = true)
  public Case surveyCase(String token) {
    return followUps.findByToken(token).filter(f -> f.getKind() == FollowUpKind.SURVEY)
        .map(f -> cases.get(f.getCaseKey()))
        .orElseThrow(() -> new NotFoundException("This survey link is not valid."));
  }

  @Transactional
  public Answer answer(String token, int score, String comment) {
    Case theCase = surveyCase(token);
    if (score < 1 || score > 5) {
      throw new InvalidFieldException("score", "must be a number from 1 to 5");
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.length() > 2000) {
      text = text.substring(0, 2000);
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    SurveyAnswer answer = answers.findById(theCase.getKey()).orElse(null);
    if (answer == null) {
      answer = answers.save(new SurveyAnswer(theCase.getKey(), score, text, now));
    } else {
      answer.answer(score, text, now);
    }
    return new Answer(theCase.getKey(), answer.getScore(), answer.getComment(), answer.getAnsweredAt());
  }

  @Transactional(readOnly = true)
  public Optional<Answer> answerOf(String caseKey) {
    return answers.findById(caseKey)
        .map(a -> new Answer(caseKey, a.getScore(), a.getComment(), a.getAnsweredAt()));
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
