package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designers' notification texts: complete in every language, rendered as clients read them. */
class NotificationTemplatesTest {

  private final NotificationTemplates shipped = new NotificationTemplates("classpath*:processes/notifications/");

  @Test
  void everyTemplateAndGlossaryExistsInEveryLanguage() {
    assertThat(shipped.names()).contains("case-opened", "handoff", "changes-in-progress", "new-work",
        "work-sent-back");
    assertThat(shipped.gaps()).as("translations missing from processes/notifications/").isEmpty();
  }

  @Test
  void everyTemplateRendersInEveryLanguageWithNothingLeftUnfilled() {
    for (String template : shipped.names()) {
      for (Language language : Language.values()) {
        Rendered message = shipped.render(template, language, fullModel());
        assertThat(message.subject()).as("%s/%s subject", template, language).isNotBlank().doesNotContain("{{");
        assertThat(message.text()).as("%s/%s body", template, language).contains("C-1042").doesNotContain("{{");
        assertThat(message.html()).contains("lang=\"" + language.code() + "\"").contains("charset=\"UTF-8\"");
      }
    }
  }

  @Test
  void arabicRendersRightToLeftAndTheOthersLeftToRight() {
    assertThat(shipped.render("handoff", Language.AR, fullModel()).html()).contains("dir=\"rtl\"");
    assertThat(shipped.render("handoff", Language.FI, fullModel()).html()).contains("dir=\"ltr\"")
        .doesNotContain("rtl");
  }

  @Test
  void stageAndTeamNamesComeFromTheClientsLanguage() {
    assertThat(shipped.term(Language.BG, "stage.Task_Delivery")).isNotBlank()
        .isNotEqualTo(shipped.term(Language.EN, "stage.Task_Delivery"));
    assertThat(shipped.term(Language.KK, "team.delivery")).isNotBlank();
  }

  @Test
  void aMissingTranslationFallsBackToEnglishAndIsReportedAsAGap(@TempDir Path folder) throws IOException {
    Files.createDirectories(folder.resolve("reminder"));
    Files.writeString(folder.resolve("reminder/en.txt"), "subject: Case {{caseKey}}\n---\nHello {{clientName}}.\n");
    NotificationTemplates partial = new NotificationTemplates(folder.toUri().toString());

    Rendered bulgarian = partial.render("reminder", Language.BG, fullModel());

    assertThat(bulgarian.subject()).isEqualTo("Case C-1042");
    assertThat(bulgarian.html()).contains("lang=\"bg\"");
    assertThat(partial.gaps()).contains("reminder/bg.txt", "reminder/ar.txt").doesNotContain("reminder/en.txt");
  }

  @Test
  void clientTextIsEscapedInTheHtmlPart() {
    Map<String, Object> model = fullModel();
    model.put("clientName", "<script>alert(1)</script> & Co");
    Rendered message = shipped.render("case-opened", Language.EN, model);

    assertThat(message.text()).contains("<script>alert(1)</script> & Co");
    assertThat(message.html()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  private static Map<String, Object> fullModel() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("clientName", "Rila Digital OOD");
    model.put("caseKey", "C-1042");
    model.put("serviceName", "Website");
    model.put("stageName", "Delivery");
    model.put("teamName", "our delivery team");
    model.put("nextStep", "We build what we agreed.");
    model.put("promisedDate", "15 March 2027");
    model.put("previousStageName", "Intake");
    model.put("note", "Two sprints.");
    model.put("reason", "The contact form does not send.");
    return model;
  }
}
