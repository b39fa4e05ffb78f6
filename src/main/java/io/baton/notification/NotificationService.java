package io.baton.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Client;
import io.baton.cases.Language;
import io.baton.handoff.Handoff;
import io.baton.handoff.HandoffService;
import io.baton.system.BatonClock;
import io.baton.system.ConflictException;
import io.baton.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications into the outbox, in the caller's transaction: the process step that causes
 * a message and the message itself commit or roll back together. Delivery is the dispatcher's.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationRepository notifications;
  private final NotificationTemplates templates;
  private final CaseService cases;
  private final HandoffService handoffs;
  private final IdentityService identityService;
  private final ObjectMapper json;

  NotificationService(NotificationRepository notifications, NotificationTemplates templates,
      CaseService cases, HandoffService handoffs, IdentityService identityService, ObjectMapper json) {
    this.notifications = notifications;
    this.templates = templates;
    this.cases = cases;
    this.handoffs = handoffs;
    this.identityService = identityService;
    this.json = json;
  }

  /**
   * Tells the client of a case, in their language, on each of {@code channels} they use. The
   * message speaks of the case's latest handoff. {@code stepKey} names the process step: a retried
   * step finds its notifications instead of adding more.
   */
  @Transactional
  public List<Notification> notifyClient(String caseKey, String template, Set<Channel> channels, String stepKey) {
    return notifyClient(caseKey, template, channels, stepKey, language -> Map.of());
  }

  /** As {@link #notifyClient(String, String, Set, String)}, with more for the template, per language. */
  @Transactional
  public List<Notification> notifyClient(String caseKey, String template, Set<Channel> channels, String stepKey,
      java.util.function.Function<Language, Map<String, Object>> details) {
    Case theCase = cases.get(caseKey);
    Client client = theCase.getClient();
    Language language = client.getLanguage();
    Map<String, Object> model = model(theCase, language, handoffs.latest(caseKey));
    model.putAll(details.apply(language));
    Rendered message = templates.render(template, language, model);
    List<Notification> written = new ArrayList<>();
    if (channels.contains(Channel.EMAIL) && client.isEmailEnabled()) {
      write(stepKey, theCase, Audience.CLIENT, Channel.EMAIL, client.getEmail(), template, language, message, null)
          .ifPresent(written::add);
    }
    if (channels.contains(Channel.WEBHOOK) && client.isWebhookEnabled()) {
      String eventId = eventId(stepKey, Channel.WEBHOOK, client.getWebhookUrl());
      write(stepKey, theCase, Audience.CLIENT, Channel.WEBHOOK, client.getWebhookUrl(), template, language,
          message, payload(eventId, template, theCase, language, model, message)).ifPresent(written::add);
    }
    return written;
  }

  /** Tells staff, by e-mail: one user, or every member of a group who has an address. */
  @Transactional
  public List<Notification> notifyStaff(String caseKey, String template, String user, String group, String stepKey) {
    return notifyStaff(caseKey, template, user, group, stepKey, Map.of());
  }

  /** As {@link #notifyStaff(String, String, String, String, String)}, with more for the template. */
  @Transactional
  public List<Notification> notifyStaff(String caseKey, String template, String user, String group, String stepKey,
      Map<String, Object> details) {
    Case theCase = cases.get(caseKey);
    Map<String, Object> model = model(theCase, Language.EN, handoffs.latest(caseKey));
    model.putAll(details);
    if (group != null) {
      model.put(TemplateKey.RECIPIENT_NAME.key(),
          Optional.ofNullable(templates.term(Language.EN, Glossary.TEAM.key(group))).orElse(group));
    }
    Rendered message = templates.render(template, Language.EN, model);
    List<User> recipients = user != null
        ? identityService.createUserQuery().userId(user).list()
        : identityService.createUserQuery().memberOfGroup(group).list();
    List<Notification> written = new ArrayList<>();
    for (User recipient : recipients) {
      if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
        log.warn("{} has no e-mail address; not told about {} of case {}", recipient.getId(), template, caseKey);
        continue;
      }
      write(stepKey, theCase, Audience.STAFF, Channel.EMAIL, recipient.getEmail(), template, Language.EN, message, null)
          .ifPresent(written::add);
    }
    return written;
  }

  @Transactional(readOnly = true)
  public List<Notification> list(NotificationStatus status, String caseKey) {
    if (caseKey != null) {
      return notifications.findByCaseKeyOrderByIdAsc(caseKey).stream()
          .filter(n -> status == null || n.getStatus() == status).toList();
    }
    return status == null
        ? notifications.findAll(Sort.by("id"))
        : notifications.findByStatusOrderByIdAsc(status);
  }

  /** An operator's retry of a FAILED or HELD notification: it goes out again now. */
  @Transactional
  public Notification retry(long id) {
    Notification notification = notifications.findById(id)
        .orElseThrow(() -> new NotFoundException("No notification with id " + id + "."));
    if (notification.getStatus() != NotificationStatus.FAILED && notification.getStatus() != NotificationStatus.HELD) {
      throw new ConflictException("Notification " + id + " is " + notification.getStatus()
          + "; only FAILED or HELD ones are retried.");
    }
    notification.release(now());
    return notification;
  }

  private Optional<Notification> write(String stepKey, Case theCase, Audience audience, Channel channel,
      String recipient, String template, Language language, Rendered message, String payload) {
    String eventId = eventId(stepKey, channel, recipient);
    if (notifications.existsByEventId(eventId)) {
      return Optional.empty();
    }
    Notification written = notifications.save(new Notification(eventId, theCase.getKey(), audience, channel,
        recipient, template, language.code(), message, payload, now()));
    log.info("Notification {} written: {} to {} by {}", written.getId(), template, audience, channel);
    return Optional.of(written);
  }

  private Map<String, Object> model(Case theCase, Language language, Optional<Handoff> latest) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(TemplateKey.CLIENT_NAME.key(), theCase.getClient().getName());
    model.put(TemplateKey.CASE_KEY.key(), theCase.getKey());
    model.put(TemplateKey.SERVICE_NAME.key(),
        term(language, Glossary.SERVICE.key(theCase.getService()), theCase.getService()));
    model.put(TemplateKey.PROMISED_DATE.key(), formatDate(theCase.getPromisedDate(), language));
    String stage = latest.map(Handoff::getToStage).orElse(theCase.getCurrentStage());
    String team = latest.map(Handoff::getToTeam).orElse(theCase.getCurrentTeam());
    if (stage != null) {
      model.put(TemplateKey.STAGE_NAME.key(), term(language, Glossary.STAGE.key(stage),
          latest.map(Handoff::getToStageName).orElse(theCase.getCurrentStageName())));
      model.put(TemplateKey.NEXT_STEP.key(), term(language, Glossary.NEXT_STEP.key(stage), null));
    }
    if (team != null) {
      model.put(TemplateKey.TEAM_NAME.key(), term(language, Glossary.TEAM.key(team), team));
    }
    latest.ifPresent(h -> {
      model.put(TemplateKey.PREVIOUS_STAGE_NAME.key(),
          term(language, Glossary.STAGE.key(h.getFromStage()), h.getFromStageName()));
      putIfPresent(model, TemplateKey.NOTE.key(), h.getNote());
      putIfPresent(model, TemplateKey.REASON.key(), h.getReason());
    });
    return model;
  }

  private String term(Language language, String key, String fallback) {
    String term = templates.term(language, key);
    return term != null ? term : fallback;
  }

  private String payload(String eventId, String template, Case theCase, Language language,
      Map<String, Object> model, Rendered message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("caseKey", theCase.getKey());
    data.put("externalReference", theCase.getExternalReference());
    data.put("stage", model.get(TemplateKey.STAGE_NAME.key()));
    data.put("team", model.get(TemplateKey.TEAM_NAME.key()));
    data.put("previousStage", model.get(TemplateKey.PREVIOUS_STAGE_NAME.key()));
    data.put("promisedDate", theCase.getPromisedDate().toString());
    data.put("language", language.code());
    data.put("subject", message.subject());
    data.put("text", message.text());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "case." + template);
    event.put("id", eventId);
    event.put("timestamp", now().toString());
    event.put("data", data);
    try {
      return json.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIfPresent(Map<String, Object> model, String key, String value) {
    if (value != null && !value.isBlank()) {
      model.put(key, value);
    }
  }

  /** A date as the client reads it, e.g. "15 март 2027 г." in Bulgarian. */
  public static String formatDate(java.time.LocalDate date, Language language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language.code()))
        .format(date);
  }

  static String eventId(String stepKey, Channel channel, String recipient) {
    return "evt_" + UUID.nameUUIDFromBytes((stepKey + "|" + channel + "|" + recipient)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
