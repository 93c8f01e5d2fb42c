package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.util.TestSocketUtils;

/** Free ports and fresh data directories for an application under test. */
public final class TestPorts {

  private TestPorts() {}

  public static int freePort() {
    return TestSocketUtils.findAvailableTcpPort();
  }

  public static Path freshDataDirectory(String name) {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(Path.of("target"), name + "-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
