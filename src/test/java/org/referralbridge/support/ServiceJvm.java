package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The packaged service as a JVM of its own: where its jar is, and what the JVM holds in memory. */
public final class ServiceJvm {

  private ServiceJvm() {}

  /**
   * The service as operators run it: the application jar that the build extracts from the packaged jar into
   * target/app (with its libraries in target/app/lib); {@code when} says when it is built, for the error message.
   */
  public static Path jar(String when) {
    try (Stream<Path> files = Files.list(Path.of("target", "app"))) {
      return files.filter(f -> f.getFileName().toString().matches("referral-bridge-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no service jar in target/app/: " + when))
          .toAbsolutePath();
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("no target/app/: " + when, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JVM option that maps the class data sharing archive the build makes beside the jar
   * (src/main/cds/make-archive.sh), as the README's command passes it; none when the build made none.
   */
  public static List<String> classDataArchive() {
    Path archive = Path.of("target", "app", "referral-bridge.jsa").toAbsolutePath();
    return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
  }

  /** The resident set size of a process in MiB (Linux /proc), or -1. */
  public static long rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
