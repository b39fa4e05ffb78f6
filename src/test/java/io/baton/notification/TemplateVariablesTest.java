package io.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.baton.cases.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each template may use only the variables {@link NotificationTemplate} declares for it, in every
 * language. Production renders leniently (a missing variable is empty); these tests render strictly,
 * so a misspelt or undeclared {@code {{variable}}} fails here instead of leaving a gap in a message.
 */
class TemplateVariablesTest {

  static final Path FOLDER = Path.of("processes/notifications");

  /** A missing variable, or a section on a missing variable, throws. */
  static final Mustache.Compiler STRICT = Mustache.compiler().escapeHTML(false).strictSections(true);

  record TemplateFile(String template, String file, String subject, String body) {}

  @Test
  void everyTemplateInEveryLanguageUsesOnlyItsDeclaredVariables() throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (TemplateFile file : templateFiles()) {
      Set<String> declared = keys(NotificationTemplate.keysOf(file.template()));
      for (String variable : variables(file)) {
        if (!declared.contains(variable)) {
          undeclared.add(file.file() + ": {{" + variable + "}} is not declared for " + file.template()
              + " in NotificationTemplate");
        }
      }
    }
    assertThat(undeclared).isEmpty();
  }

  @Test
  void everyTemplateInEveryLanguageRendersStrictlyWithItsDeclaredModel() throws IOException {
    for (TemplateFile file : templateFiles()) {
      Map<String, Object> model = model(NotificationTemplate.keysOf(file.template()));
      assertThat(STRICT.compile(file.subject()).execute(model)).as(file.file()).isNotBlank();
      assertThat(STRICT.compile(file.body()).execute(model)).as(file.file()).contains("C-1042");
    }
  }

  @Test
  void everyDeclaredTemplateHasItsFolderInEveryLanguage() {
    for (NotificationTemplate template : NotificationTemplate.values()) {
      for (Language language : Language.values()) {
        assertThat(FOLDER.resolve(template.id()).resolve(language.code() + ".txt")).exists();
      }
    }
  }

  @Test
  void aClientsMessageIsNeverGivenTheInternalNote() {
    for (NotificationTemplate template : NotificationTemplate.values()) {
      if (template.audience() == Audience.CLIENT) {
        assertThat(template.keys()).as(template.id()).doesNotContain(TemplateKey.NOTE);
      }
    }
  }

  @Test
  void theStrictCompilerFailsOnAMisspeltVariable() {
    Template misspelt = STRICT.compile("Hello {{clientNmae}}, your case {{caseKey}}");
    Map<String, Object> model = model(NotificationTemplate.CASE_OPENED.keys());

    assertThatThrownBy(() -> misspelt.execute(model)).isInstanceOf(MustacheException.class)
        .hasMessageContaining("clientNmae");
    assertThat(variables(new TemplateFile("case-opened", "test", "", "Hello {{clientNmae}}")))
        .containsExactly("clientNmae");
  }

  // ------------------------------------------------------------------ helpers

  static List<TemplateFile> templateFiles() throws IOException {
    List<TemplateFile> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(FOLDER)) {
      for (Path path : all.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String template = path.getParent().getFileName().toString();
        String content = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int separator = content.indexOf("\n---\n");
        String head = content.substring(0, separator).strip();
        files.add(new TemplateFile(template, FOLDER.relativize(path).toString(),
            head.substring("subject:".length()).strip(), content.substring(separator + 5)));
      }
    }
    assertThat(files).as("templates in " + FOLDER).isNotEmpty();
    return files;
  }

  /** Every variable and section name the file uses. */
  static Set<String> variables(TemplateFile file) {
    Set<String> names = new TreeSet<>();
    Mustache.Visitor visitor = new Mustache.Visitor() {
      @Override public void visitText(String text) {}

      @Override public void visitVariable(String name) {
        names.add(name);
      }

      @Override public boolean visitInclude(String name) {
        names.add(">" + name);
        return false;
      }

      @Override public boolean visitSection(String name) {
        names.add(name);
        return true;
      }

      @Override public boolean visitInvertedSection(String name) {
        names.add(name);
        return true;
      }
    };
    STRICT.compile(file.subject()).visit(visitor);
    STRICT.compile(file.body()).visit(visitor);
    return names;
  }

  static Set<String> keys(Set<TemplateKey> keys) {
    return keys.stream().map(TemplateKey::key).collect(Collectors.toSet());
  }

  /** A value for each declared variable, as the senders give them. */
  static Map<String, Object> model(Set<TemplateKey> keys) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (TemplateKey key : keys) {
      model.put(key.key(), switch (key) {
        case CASE_KEY -> "C-1042";
        case ESCALATION_LEVEL -> 2;
        case SECOND_LEVEL -> true;
        default -> key.key() + "-value";
      });
    }
    return model;
  }
}
