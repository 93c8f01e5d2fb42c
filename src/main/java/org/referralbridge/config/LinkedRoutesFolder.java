package org.referralbridge.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets {@code routes/} be a symbolic link, as Kubernetes ConfigMaps and many deploy tools mount it. Camel finds the
 * files of a {@code file:} pattern by walking its folder without following links, so a linked folder yields no route
 * and the service would not start. Before Camel reads the pattern, each {@code file:} entry whose folder is reached
 * through a link is rewritten to the folder's real path. Linked files in a real folder need nothing: Camel follows
 * them.
 */
public class LinkedRoutesFolder implements EnvironmentPostProcessor {

  static final String PROPERTY = "camel.main.routes-include-pattern";
  private static final String FILE = "file:";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String pattern = environment.getProperty(PROPERTY);
    if (pattern == null || pattern.isBlank()) {
      return;
    }
    String resolved = resolve(pattern);
    if (!resolved.equals(pattern)) {
      environment.getPropertySources().addFirst(new MapPropertySource("linkedRoutesFolder", Map.of(PROPERTY, resolved)));
    }
  }

  /** The pattern with every {@code file:} entry's folder given by its real path; other entries as they are. */
  static String resolve(String pattern) {
    List<String> entries = new ArrayList<>();
    for (String entry : pattern.split(",", -1)) {
      entries.add(resolveEntry(entry.trim()));
    }
    return String.join(",", entries);
  }

  private static String resolveEntry(String entry) {
    if (!entry.startsWith(FILE)) {
      return entry;
    }
    String location = entry.substring(FILE.length());
    int wildcard = firstWildcard(location);
    int folderEnd = location.lastIndexOf('/', wildcard < 0 ? location.length() : wildcard);
    if (wildcard < 0 || folderEnd < 0) {
      return entry; // a single file: Camel opens it directly, following links
    }
    Path folder = Path.of(location.substring(0, folderEnd).isEmpty() ? "/" : location.substring(0, folderEnd));
    try {
      Path real = folder.toRealPath();
      if (real.equals(folder.toAbsolutePath().normalize())) {
        return entry;
      }
      return FILE + real + location.substring(folderEnd);
    } catch (IOException e) {
      return entry; // a missing folder: RoutesLoadedCheck names the pattern when no route was loaded
    }
  }

  private static int firstWildcard(String location) {
    int first = -1;
    for (char c : new char[] {'*', '?', '{'}) {
      int at = location.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

}
