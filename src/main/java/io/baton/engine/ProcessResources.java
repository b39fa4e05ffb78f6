package io.baton.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * A folder of the designers' {@code processes/} as a set of named resources. A resource's name is its
 * path below the folder ({@code forms/kickoff.form}), so it does not change when Baton is installed
 * elsewhere and two files of the same name in different subfolders stay apart.
 */
public final class ProcessResources {

  static final Set<String> EXTENSIONS = Set.of("bpmn", "dmn", "form");

  public record Entry(String name, Resource resource) {
    public InputStream open() throws IOException {
      return resource.getInputStream();
    }
  }

  private ProcessResources() {}

  static List<Entry> find(String location) {
    return find(location, EXTENSIONS);
  }

  /** Every readable file below {@code location} with one of the extensions, named relative to it. */
  public static List<Entry> find(String location, Set<String> extensions) {
    String root = location.endsWith("/") ? location : location + "/";
    ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      List<String> roots = new ArrayList<>();
      for (Resource r : resolver.getResources(root)) {
        roots.add(r.getURL().toString());
      }
      List<Entry> entries = new ArrayList<>();
      for (String extension : extensions) {
        for (Resource resource : resolver.getResources(root + "**/*." + extension)) {
          if (resource.isReadable()) {
            entries.add(new Entry(relativeName(roots, resource), resource));
          }
        }
      }
      entries.sort(Comparator.comparing(Entry::name));
      return entries;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read process resources from " + location, e);
    }
  }

  private static String relativeName(List<String> roots, Resource resource) throws IOException {
    String url = resource.getURL().toString();
    return roots.stream()
        .filter(url::startsWith)
        .max(Comparator.comparingInt(String::length))
        .map(root -> url.substring(root.length()))
        .orElseThrow(() -> new IllegalStateException(url + " lies outside the process folder"));
  }
}
