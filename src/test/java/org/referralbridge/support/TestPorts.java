package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.util.TestSocketUtils;

/** Free ports and fresh data directories for an application under test. */
public final class TestPorts {

  private TestPorts() {}

  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 32_000;

  /**
   * A free TCP port below the kernel's ephemeral range (32768 and up on Linux). A listener a test stops and starts
   * again (a proxy, a fake partner) must not sit in that range: while it is down, a client retrying to connect can
   * be given that very port as its own local port and connect to itself, and the port is then taken.
   */
  public static int freePort() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(LOWEST, HIGHEST);
      try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
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
