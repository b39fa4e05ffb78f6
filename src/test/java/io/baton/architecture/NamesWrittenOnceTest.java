package io.baton.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A name the designers' files define is written once in Baton's code: each element id of a model
 * in {@code ServiceDeliveryProcess}, each notification template in {@code NotificationTemplate}.
 * Everything else refers to those constants, or reads the model ({@code StageOrder}, {@code Stages}).
 */
class NamesWrittenOnceTest {

  static final Path MAIN = Path.of("src/main/java/io/baton");

  /** An element id as the naming guide writes them: {@code Task_QualityReview}, {@code Timer_CheckIn}. */
  static final Pattern ELEMENT_ID = Pattern.compile(
      "\"(Task|Timer|Gateway|Notify|NotifyStaff|Handoff|SendBack|StartEvent|EndEvent|Msg|Error)_[A-Za-z]+\"");

  @Test
  void elementIdsAreWrittenOnlyInTheProcessConstants() throws IOException {
    assertThat(literals(ELEMENT_ID, "delivery/ServiceDeliveryProcess.java")).isEmpty();
  }

  @Test
  void templateNamesAreWrittenOnlyInNotificationTemplate() throws IOException {
    List<String> names;
    try (Stream<Path> folders = Files.list(Path.of("processes/notifications"))) {
      names = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
          // "handoff" is also a handoff record's kind and its table.
          .filter(name -> !name.equals("glossary") && !name.equals("handoff"))
          .toList();
    }
    assertThat(names).isNotEmpty();
    Pattern template = Pattern.compile("\"(" + String.join("|", names) + ")\"");

    assertThat(literals(template, "notification/NotificationTemplate.java")).isEmpty();
  }

  /** Where, outside {@code owner}, main code writes a literal that {@code pattern} matches. */
  private static List<String> literals(Pattern pattern, String owner) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (MAIN.relativize(file).toString().equals(owner)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher matcher = pattern.matcher(lines.get(i));
          while (matcher.find()) {
            found.add(MAIN.relativize(file) + ":" + (i + 1) + " " + matcher.group());
          }
        }
      }
    }
    return found;
  }
}
