package io.baton.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.baton.cases.Language;
import io.baton.engine.NotificationTemplateCatalog;
import io.baton.engine.ProcessResources;
import io.baton.system.BatonConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The designers' notification texts in {@code processes/notifications/}: one file per message and
 * language ({@code handoff/bg.txt}), and a glossary per language for stage, team and service names.
 * Rendered with Mustache; a missing translation falls back to English.
 */
@Component
public class NotificationTemplates implements NotificationTemplateCatalog {

  static final Language FALLBACK = Language.EN;
  static final String SEPARATOR = "---";
  static final String SUBJECT = "subject:";
  static final String GLOSSARY = "glossary";

  record Message(Template subject, Template body) {}

  private final Map<String, Map<Language, Message>> templates = new TreeMap<>();
  private final Map<Language, Properties> glossaries = new HashMap<>();
  private final Mustache.Compiler mustache = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("");

  NotificationTemplates(@Value("${baton.notifications.templates:classpath*:processes/notifications/}") String location) {
    for (ProcessResources.Entry entry : ProcessResources.find(location, Set.of("txt", "properties"))) {
      String[] path = entry.name().split("/");
      if (path.length != 2) {
        continue;
      }
      String language = path[1].substring(0, path[1].lastIndexOf('.'));
      Language lang = language(entry.name(), language);
      if (path[0].equals(GLOSSARY)) {
        glossaries.put(lang, glossary(entry));
      } else if (path[1].endsWith(".txt")) {
        templates.computeIfAbsent(path[0], t -> new HashMap<>()).put(lang, message(entry));
      }
    }
  }

  @Override
  public boolean exists(String template) {
    return templates.containsKey(template);
  }

  @Override
  public Collection<String> names() {
    return templates.keySet();
  }

  /** Template × language pairs that fall back to English, and glossary keys a language lacks. */
  public List<String> gaps() {
    Set<String> gaps = new TreeSet<>();
    Properties english = glossaries.getOrDefault(FALLBACK, new Properties());
    for (Language language : Language.values()) {
      templates.forEach((name, byLanguage) -> {
        if (!byLanguage.containsKey(language)) {
          gaps.add(name + "/" + language.code() + ".txt");
        }
      });
      Properties glossary = glossaries.get(language);
      if (glossary == null) {
        gaps.add(GLOSSARY + "/" + language.code() + ".properties");
      } else {
        english.stringPropertyNames().stream().filter(key -> !glossary.containsKey(key))
            .forEach(key -> gaps.add(GLOSSARY + "/" + language.code() + ".properties: " + key));
      }
    }
    return List.copyOf(gaps);
  }

  /** A glossary entry ({@code stage.Task_Delivery}) in the language, else English, else null. */
  public String term(Language language, String key) {
    Properties glossary = glossaries.get(language);
    String term = glossary == null ? null : glossary.getProperty(key);
    if (term == null && glossaries.containsKey(FALLBACK)) {
      term = glossaries.get(FALLBACK).getProperty(key);
    }
    return term;
  }

  public Rendered render(String template, Language language, Map<String, Object> model) {
    Map<Language, Message> byLanguage = templates.get(template);
    if (byLanguage == null) {
      throw new IllegalArgumentException("No notification template '" + template + "' in processes/notifications/");
    }
    Message message = byLanguage.getOrDefault(language, byLanguage.get(FALLBACK));
    if (message == null) {
      throw new IllegalArgumentException("Template '" + template + "' has neither " + language.code() + " nor en");
    }
    String subject = message.subject().execute(model).strip();
    String text = message.body().execute(model).strip();
    return new Rendered(subject, text, html(subject, text, language));
  }

  static String html(String subject, String text, Language language) {
    String dir = language == Language.AR ? "rtl" : "ltr";
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.code())
        .append("\" dir=\"").append(dir).append("\">\n<head><meta charset=\"UTF-8\"><title>")
        .append(HtmlUtils.htmlEscape(subject, "UTF-8")).append("</title></head>\n<body dir=\"").append(dir)
        .append("\" style=\"font-family: sans-serif; line-height: 1.5\">\n");
    for (String paragraph : text.split("\\n\\s*\\n")) {
      html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8").replace("\n", "<br>\n"))
          .append("</p>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private Message message(ProcessResources.Entry entry) {
    String content = read(entry).replace("\r\n", "\n");
    int separator = content.indexOf("\n" + SEPARATOR + "\n");
    String head = separator < 0 ? "" : content.substring(0, separator).strip();
    if (separator < 0 || !head.toLowerCase().startsWith(SUBJECT)) {
      throw new BatonConfigurationException(
          "Notification template processes/notifications/" + entry.name()
              + " must start with a 'subject:' line followed by a '---' line.",
          "Write the subject on the first line as 'subject: …', then '---', then the body.");
    }
    try {
      return new Message(mustache.compile(head.substring(SUBJECT.length()).strip()),
          mustache.compile(content.substring(separator + SEPARATOR.length() + 2)));
    } catch (RuntimeException e) {
      throw new BatonConfigurationException("Notification template processes/notifications/"
          + entry.name() + " is not valid Mustache: " + e.getMessage(),
          "Fix the {{…}} tags in that file.");
    }
  }

  private static Properties glossary(ProcessResources.Entry entry) {
    Properties properties = new Properties();
    try (InputStream in = entry.open()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read processes/notifications/" + entry.name(), e);
    }
  }

  private static Language language(String file, String code) {
    try {
      return Language.of(code);
    } catch (IllegalArgumentException e) {
      throw new BatonConfigurationException("processes/notifications/" + file + " is for language '" + code
          + "', which Baton does not speak.", "Name the file after one of " + Language.codes() + ".");
    }
  }

  private static String read(ProcessResources.Entry entry) {
    try (InputStream in = entry.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read processes/notifications/" + entry.name(), e);
    }
  }
}
