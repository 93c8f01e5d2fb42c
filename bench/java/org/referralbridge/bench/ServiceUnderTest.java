package org.referralbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.referralbridge.support.ServiceJvm;

/**
 * The packaged service in a JVM of its own, launched as the README launches it (java -jar with the documented JVM
 * options, embedded defaults, the default partner seed), with its data directory, ports and JVM options given,
 * and the database's settings when it is not the embedded one.
 * Output goes to a log file.
 */
final class ServiceUnderTest implements AutoCloseable {

  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Path dataDirectory;
  private final List<String> jvmOptions;
  private final Map<String, String> environment;
  private final Path log;
  private final int httpPort = freePort();
  private final int mllpPort = freePort();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private long launchedNanos;

  /** {@code environment}: settings beyond the defaults (the database's, with PostgreSQL). */
  ServiceUnderTest(Path dataDirectory, List<String> jvmOptions, Map<String, String> environment, Path log) {
    this.dataDirectory = dataDirectory;
    this.jvmOptions = jvmOptions;
    this.environment = environment;
    this.log = log;
  }

  /** Launches the JVM; times are measured from here. */
  void launch() throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(ServiceJvm.classDataArchive());
    command.add("-jar");
    command.add(jar().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("BRIDGE_DATA_DIRECTORY", dataDirectory.toString());
    builder.environment().put("SERVER_PORT", String.valueOf(httpPort));
    builder.environment().put("BRIDGE_INTAKE_MLLP_PORT", String.valueOf(mllpPort));
    builder.environment().putAll(environment);
    launchedNanos = System.nanoTime();
    process = builder.start();
  }

  /** Seconds from launch until the first AA for the message (retried until the listener answers AA). */
  double firstAccept(byte[] message, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      checkAlive();
      try (MllpConnection connection = new MllpConnection("127.0.0.1", mllpPort, 1000, 5000)) {
        while (System.nanoTime() < deadline) {
          if (MllpConnection.accepted(connection.exchange(message))) {
            return (System.nanoTime() - launchedNanos) / 1e9;
          }
          Thread.sleep(20);
        }
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("no AA within " + timeout + "; see " + log);
  }

  /** Seconds from launch until readiness answers 200. */
  double ready(Duration timeout) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - launchedNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not ready within " + timeout + "; see " + log);
  }

  /** The Prometheus scrape. */
  Metrics metrics() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
        .timeout(Duration.ofSeconds(10)).build();
    return new Metrics(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Resident set size in MiB (Linux /proc), or -1. */
  long rssMib() {
    return ServiceJvm.rssMib(process.pid());
  }

  /** CPU seconds (user + system) the JVM has used so far (Linux /proc), or -1. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3, utime 14 and stime 15 of the whole line
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  int mllpPort() {
    return mllpPort;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** A normal stop (SIGTERM), waited for. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void checkAlive() {
    if (process != null && !process.isAlive()) {
      throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static Path jar() {
    return ServiceJvm.jar("the benchmark runs the packaged service (./mvnw package first)");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
