package io.baton.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A scrape of {@code /actuator/prometheus}, read as series with labels and values. */
public final class Prometheus {

  public record Series(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<Series> series;

  private Prometheus(List<Series> series) {
    this.series = series;
  }

  public static Prometheus parse(String text) {
    List<Series> series = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("Not a Prometheus sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new Prometheus(series);
  }

  /** The names of every series. */
  public Set<String> names() {
    return series.stream().map(Series::name).collect(Collectors.toSet());
  }

  /** The sum of the series of this name whose labels include {@code labels} (name, value, name, value...). */
  public double sum(String name, String... labels) {
    return series.stream()
        .filter(s -> s.name().equals(name) && matches(s, labels))
        .mapToDouble(Series::value).sum();
  }

  public boolean has(String name, String... labels) {
    return series.stream().anyMatch(s -> s.name().equals(name) && matches(s, labels));
  }

  private static boolean matches(Series s, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
