package org.referralbridge.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.referralbridge.support.ServiceJvm;
import org.referralbridge.support.TestPorts;

/**
 * The service as operators run it: its packaged jar in a JVM of its own (so it can be killed with SIGKILL), with
 * its configuration in environment variables, pointed at the suite's PostgreSQL and Artemis containers. Its
 * output goes to target/faults/&lt;name&gt;.log.
 */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Map<String, String> environment;
  private final int httpPort = TestPorts.freePort();
  private final int mllpPort = TestPorts.freePort();
  private final Path log;
  private Process process;
  private Duration lastStartup;

  ServiceProcess(String name, Map<String, String> environment) {
    this.name = name;
    this.environment = new LinkedHashMap<>(environment);
    this.log = Path.of("target", "faults", name + ".log").toAbsolutePath();
  }

  /** The service against a database and a broker, with the test partners' seed and its own data directory. */
  static ServiceProcess against(String name, String jdbcUrl, ArtemisServer broker, String partnerSeed) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", jdbcUrl);
    env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    env.put("SPRING_ARTEMIS_MODE", "native");
    env.put("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false");
    env.put("SPRING_ARTEMIS_BROKER_URL", broker.serviceUrl());
    env.put("SPRING_ARTEMIS_USER", ArtemisServer.USER);
    env.put("SPRING_ARTEMIS_PASSWORD", ArtemisServer.PASSWORD);
    env.put("BRIDGE_PARTNERS_SEED", partnerSeed);
    env.put("BRIDGE_DATA_DIRECTORY", TestPorts.freshDataDirectory("faults-" + name).toString());
    return new ServiceProcess(name, env);
  }

  /**
   * The service with its embedded defaults, as a new user runs it: its own Artemis broker and H2 database under its
   * data directory (kept across restarts), the test partners' seed; nothing else.
   */
  static ServiceProcess embedded(String name, String partnerSeed) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BRIDGE_PARTNERS_SEED", partnerSeed);
    env.put("BRIDGE_DATA_DIRECTORY", TestPorts.freshDataDirectory("faults-" + name).toString());
    return new ServiceProcess(name, env);
  }

  ServiceProcess with(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /** Starts the JVM and waits until the service reports ready (broker and database reachable, routes up). */
  ServiceProcess start() {
    Instant begin = Instant.now();
    try {
      Files.createDirectories(log.getParent());
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
          // pauses, for reading a slow scenario: target/faults/<name>-gc-<pid>.log
          "-Xlog:gc:file=" + log.resolveSibling(name + "-gc-%p.log")));
      command.addAll(ServiceJvm.classDataArchive());
      command.addAll(List.of("-jar", jar().toString()));
      ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      builder.environment().put("SERVER_PORT", String.valueOf(httpPort));
      builder.environment().put("BRIDGE_INTAKE_MLLP_PORT", String.valueOf(mllpPort));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the service", e);
    }
    awaitReady(Duration.ofMinutes(3));
    lastStartup = Duration.between(begin, Instant.now());
    return this;
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    try {
      Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
          .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("the service " + name + " exited with " + process.exitValue()
                  + "; see " + log);
            }
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          });
    } catch (ConditionTimeoutException notReady) {
      throw new IllegalStateException("the service " + name + " was not ready within " + timeout + "; see " + log);
    }
  }

  /** kill -9: no shutdown hook, no clean close of connections or transactions. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** A normal stop (SIGTERM). */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Null while the service's process runs; once it has ended, how (for a stream to stop on: see its log). */
  String endedReason() {
    if (process == null || process.isAlive()) {
      return null;
    }
    return "the service's process ended with exit code " + process.exitValue() + " (its log: " + log + ")";
  }

  /** The resident set size of the service's JVM in MiB (Linux), or -1. */
  long rssMib() {
    return ServiceJvm.rssMib(process.pid());
  }

  Duration lastStartup() {
    return lastStartup;
  }

  int httpPort() {
    return httpPort;
  }

  int mllpPort() {
    return mllpPort;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  Path log() {
    return log;
  }

  private static Path jar() {
    return ServiceJvm.jar("the fault suite runs after `package` (./mvnw verify)");
  }

  @Override
  public void close() {
    stop();
  }
}
