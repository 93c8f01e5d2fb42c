package org.referralbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The benchmark: the packaged service launched with its documented defaults, measured from outside (first AA and
 * readiness after launch on an empty and on an existing data directory; ingest over 8 MLLP connections at fixed
 * rates and flat out; end to end until every referral is written; RSS and CPU), then, in the same run, the raw
 * limits of the libraries it calls (RawLimits), with the ratios beside them. Prints a table and writes JSON.
 *
 * <p>Settings (system properties): {@code bench.mode} {@code full} (default) or {@code smoke} (a few seconds, for CI:
 * it keeps the harness working, its figures mean nothing); {@code bench.referrals} referrals in all (full: 10,000);
 * {@code bench.rates} fixed rates a second (full: 50,200,500); {@code bench.rate-seconds} (full: 5);
 * {@code bench.connections} (8); {@code bench.jvm-options} for the service's JVM (the Maven profile passes the
 * documented defaults, pom property {@code service.jvm-options}; run directly, none); {@code bench.output} the
 * folder for the JSON (target/bench); {@code bench.raw-calls} calls per raw
 * limit (1,000); {@code bench.keep-data} {@code true} keeps the data directories (deleted by default);
 * {@code bench.raw-only} {@code true} measures the raw limits alone (for profiling the libraries);
 * {@code bench.database} {@code h2} (default: the embedded file under the data directory) or {@code postgres}: a
 * PostgreSQL server in a container this run starts (the fault suite's image and network settings,
 * {@code BRIDGE_IT_POSTGRES_IMAGE}, {@code BRIDGE_IT_NETWORK}), one fresh database for the service and one for the
 * raw limits.
 */
public final class Benchmark {

  private Benchmark() {}

  /** What one run measures and how much. */
  record Settings(boolean smoke, int referrals, int[] rates, double rateSeconds, int connections,
      List<String> jvmOptions, Path output, int rawCalls, boolean rawOnly, Database database) {

    static Settings fromSystemProperties() {
      boolean smoke = "smoke".equals(System.getProperty("bench.mode", "full"));
      String rates = System.getProperty("bench.rates", smoke ? "20" : "50,200,500");
      String options = System.getProperty("bench.jvm-options", "").trim();
      return new Settings(smoke, Integer.getInteger("bench.referrals", smoke ? 60 : 10_000),
          Arrays.stream(rates.split(",")).map(String::trim).filter(r -> !r.isEmpty()).mapToInt(Integer::parseInt)
              .toArray(),
          Double.parseDouble(System.getProperty("bench.rate-seconds", smoke ? "1" : "5")),
          Integer.getInteger("bench.connections", 8),
          options.isEmpty() ? List.of() : List.of(options.split("\\s+")),
          Path.of(System.getProperty("bench.output", "target/bench")), Integer.getInteger("bench.raw-calls",
              smoke ? 20 : 1000), Boolean.getBoolean("bench.raw-only"),
          Database.named(System.getProperty("bench.database", "")));
    }
  }

  public static void main(String[] args) throws Exception {
    Report report = run(Settings.fromSystemProperties());
    System.out.println(report.table());
    System.out.println("JSON: " + report.json().toAbsolutePath());
    // the broker client's threads of the raw measurements would keep the JVM alive
    System.exit(0);
  }

  static Report run(Settings settings) throws Exception {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path work = settings.output().resolve("run-" + stamp).toAbsolutePath();
    Files.createDirectories(work);
    Report report = new Report(settings, work);
    Path data = work.resolve("data");

    try (Databases databases = Databases.start(settings.database())) {
      return run(settings, report, work, data, stamp, databases);
    }
  }

  private static Report run(Settings settings, Report report, Path work, Path data, String stamp,
      Databases databases) throws Exception {
    Load load = new Load(0, settings.connections(), stamp);
    if (!settings.rawOnly()) {
      try {
        load = measureService(settings, report, data, work, stamp, databases);
      } catch (Exception e) {
        report.write();
        throw e;
      }
    }

    try (RawLimits raw = new RawLimits(work.resolve("raw-data"), databases.forRawLimits())) {
      byte[] payload = load.referral();
      int perThread = Math.max(1, settings.rawCalls() * 2 / settings.connections());
      raw.artemisDurableSend(settings.connections(), Math.max(1, perThread / 10), payload); // warm-up
      report.raw(raw.artemisDurableSend(settings.connections(), perThread, payload));
      // the JIT needs thousands of referrals before intake runs at its pace (README, "Performance")
      int intakeCalls = settings.rawCalls() * 5;
      report.raw(raw.intakeAlone(settings.connections(), intakeCalls, intakeCalls, stamp + "-raw"));
      List<byte[]> referrals = new ArrayList<>();
      for (int i = 0; i < settings.rawCalls(); i++) {
        referrals.add(load.referral());
      }
      List<RawLimits.Rate> translation = new ArrayList<>();
      raw.translate(referrals.subList(0, Math.min(50, referrals.size())), new ArrayList<>()); // warm-up
      List<Bundle> bundles = raw.translate(referrals, translation);
      report.raw(translation.get(0));
      raw.validate(bundles.subList(0, Math.min(50, bundles.size())), 1); // warm-up
      report.raw(raw.validate(bundles, 1));
      report.raw(raw.validate(bundles, 2));
      report.raw(raw.write(bundles, 4));
    } finally {
      report.write();
      if (!Boolean.getBoolean("bench.keep-data")) {
        // the data directories grow by gigabytes (H2's file: see the README); reports and logs stay
        deleteTree(data);
        deleteTree(work.resolve("raw-data"));
      }
    }
    return report;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Bytes under a directory, in MiB (0 when it does not exist). */
  static long sizeMib(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (var paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024);
    }
  }

  /** The service's phases: start-up, ingest, end to end, resources, restart; returns the load (its referral count). */
  private static Load measureService(Settings settings, Report report, Path data, Path work, String stamp,
      Databases databases) throws Exception {
    Duration startTimeout = Duration.ofMinutes(3);
    Map<String, String> database = databases.forService();
    try (ServiceUnderTest service = new ServiceUnderTest(data, settings.jvmOptions(), database,
        work.resolve("service.log"))) {
      service.launch();
      Load load = new Load(service.mllpPort(), settings.connections(), stamp);
      report.startup("empty data directory", service.firstAccept(load.referral(), startTimeout),
          service.ready(startTimeout));
      awaitProcessed(service, 1);
      double cpuBefore = service.cpuSeconds();
      long wallBefore = System.nanoTime();

      for (int rate : settings.rates()) {
        Metrics before = service.metrics();
        Load.Result result = load.fixedRate(rate, settings.rateSeconds());
        report.ingest("at " + rate + "/s", result);
        awaitProcessed(service, before.processed() + result.sent());
      }

      int remaining = Math.max(settings.connections(), settings.referrals() - load.referralsMade());
      Metrics before = service.metrics();
      long start = System.nanoTime();
      Load.Result flat = load.flatOut(remaining);
      report.ingest("flat out", flat);
      awaitProcessed(service, before.processed() + flat.sent());
      double seconds = (System.nanoTime() - start) / 1e9;
      Metrics after = service.metrics();
      report.endToEnd(flat.sent(), seconds, Metrics.latencyPercentile(before, after, 50),
          Metrics.latencyPercentile(before, after, 99));
      report.resources(load.referralsMade(), service.rssMib(), service.cpuSeconds() - cpuBefore,
          (System.nanoTime() - wallBefore) / 1e9, sizeMib(data), databases.serviceDatabaseMib());
      service.stop();

      try (ServiceUnderTest again = new ServiceUnderTest(data, settings.jvmOptions(), database,
          work.resolve("service-2.log"))) {
        again.launch();
        report.startup("existing data directory (" + load.referralsMade() + " referrals)",
            again.firstAccept(load.referral(), startTimeout), again.ready(startTimeout));
      }
      return load;
    }
  }

  /** Waits until the service has written {@code target} referrals in all (the processed counter). */
  private static void awaitProcessed(ServiceUnderTest service, double target) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (service.metrics().processed() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the service did not write every referral within 30 minutes");
      }
      Thread.sleep(100);
    }
  }
}
