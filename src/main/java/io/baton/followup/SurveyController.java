package io.baton.followup;

import io.baton.cases.CaseAccess;

import io.baton.cases.Case;
import io.baton.cases.Language;
import io.baton.notification.Glossary;
import io.baton.notification.NotificationTemplates;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The client's survey page, reached by the private link in the survey e-mail: it shows one case
 * (its key, service and client name) and nothing internal, in the client's language. An expired
 * link answers 410 and a survey whose answer is locked 409, each with a page that says so in the
 * client's language.
 */
@RestController
@Tag(name = "Satisfaction", description = "What clients said after delivery")
class SurveyController {

  private final FollowUps followUps;
  private final NotificationTemplates texts;

  private final CaseAccess access;

  SurveyController(FollowUps followUps, NotificationTemplates texts, CaseAccess access) {
    this.access = access;
    this.followUps = followUps;
    this.texts = texts;
  }

  @Hidden
  @GetMapping(value = FollowUps.SURVEY_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> form(@PathVariable String token) {
    FollowUps.Survey survey;
    try {
      survey = followUps.survey(token);
    } catch (NotFoundException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(notFound());
    }
    Case theCase = survey.theCase();
    Language language = theCase.getClient().getLanguage();
    if (survey.expired()) {
      return notice(HttpStatus.GONE, theCase, "expired", "survey.expired");
    }
    if (survey.locked()) {
      return notice(HttpStatus.OK, theCase, "answered", "survey.locked");
    }
    String change = survey.answer().isPresent()
        ? "<p class=\"answered\">" + text(language, "survey.change") + "</p>\n" : "";
    return page(HttpStatus.OK, theCase, change + form(theCase, token, null));
  }

  @Hidden
  @PostMapping(value = FollowUps.SURVEY_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String score,
      @RequestParam(required = false) String comment) {
    Case theCase;
    try {
      theCase = followUps.surveyCase(token);
    } catch (NotFoundException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(notFound());
    }
    Language language = theCase.getClient().getLanguage();
    try {
      followUps.answer(token, parse(score), comment);
      return page(HttpStatus.OK, theCase, "<p class=\"thanks\">" + text(language, "survey.thanks") + "</p>");
    } catch (InvalidFieldException e) {
      return page(HttpStatus.BAD_REQUEST, theCase, form(theCase, token, text(language, "survey.invalid")));
    } catch (FollowUps.LinkExpired e) {
      return notice(HttpStatus.GONE, theCase, "expired", "survey.expired");
    } catch (FollowUps.AnswerLocked | DataIntegrityViolationException e) {
      // DataIntegrityViolationException: a first answer sent twice at once; one of them was stored.
      return notice(HttpStatus.CONFLICT, theCase, "answered", "survey.locked");
    }
  }

  /** A page with one message instead of the form: the link expired, or the survey was answered. */
  private ResponseEntity<String> notice(HttpStatus status, Case theCase, String cssClass, String key) {
    Language language = theCase.getClient().getLanguage();
    String role = status.is2xxSuccessful() ? "status" : "alert";
    return page(status, theCase, "<p class=\"" + cssClass + "\" role=\"" + role + "\">" + text(language, key)
        + "</p>\n");
  }

  @GetMapping("/api/cases/{key}/survey")
  @Operation(summary = "The client's satisfaction survey answer, once they gave one")
  FollowUps.Answer answerOf(@PathVariable String key) {
    access.readable(key);
    return followUps.answerOf(key)
        .orElseThrow(() -> new NotFoundException("Case " + key + " has no survey answer yet."));
  }

  private String form(Case theCase, String token, String error) {
    Language language = theCase.getClient().getLanguage();
    StringBuilder html = new StringBuilder();
    if (error != null) {
      html.append("<p class=\"error\" role=\"alert\">").append(error).append("</p>\n");
    }
    html.append("<form method=\"post\" action=\"").append(FollowUps.SURVEY_PATH).append(escape(token)).append("\">\n")
        .append("<fieldset><legend>").append(text(language, "survey.question")).append("</legend>\n");
    for (int score = 1; score <= 5; score++) {
      html.append("<label><input type=\"radio\" name=\"score\" value=\"").append(score).append("\" required> ")
          .append(score).append("</label>\n");
    }
    html.append("<p class=\"scale\">").append(text(language, "survey.scale")).append("</p></fieldset>\n")
        .append("<label for=\"comment\">").append(text(language, "survey.comment")).append("</label>\n")
        .append("<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea>\n")
        .append("<button type=\"submit\">").append(text(language, "survey.submit")).append("</button>\n</form>\n");
    return html.toString();
  }

  private ResponseEntity<String> page(HttpStatus status, Case theCase, String content) {
    Language language = theCase.getClient().getLanguage();
    String dir = language == Language.AR ? "rtl" : "ltr";
    String service = texts.term(language, Glossary.SERVICE.key(theCase.getService()));
    String html = "<!DOCTYPE html>\n<html lang=\"" + language.code() + "\" dir=\"" + dir + "\">\n<head>"
        + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + text(language, "survey.title") + "</title>"
        + "<style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + "label{display:inline-block;margin:.25rem .75rem .25rem 0}textarea{width:100%}"
        + ".error{color:#a00}.scale{color:#555;font-size:.9rem}</style></head>\n<body>\n"
        + "<h1>" + text(language, "survey.title") + "</h1>\n"
        + "<p class=\"case\">" + escape(theCase.getClient().getName()) + " · " + escape(theCase.getKey())
        + (service == null ? "" : " · " + escape(service)) + "</p>\n"
        + content + "</body>\n</html>\n";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }

  private static String notFound() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Not found</title></head>"
        + "<body><p>This survey link is not valid.</p></body></html>\n";
  }

  private String text(Language language, String key) {
    String term = texts.term(language, key);
    return escape(term == null ? key : term);
  }

  private static int parse(String score) {
    try {
      return score == null ? 0 : Integer.parseInt(score.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
