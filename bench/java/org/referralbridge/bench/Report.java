package org.referralbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.referralbridge.support.ServiceJvm;

/** The figures of one run: a table for people (the README shows the last one) and JSON for tools. */
final class Report {

  /** One line of the table. */
  record Row(String section, String measure, String value, String target, String note) {}

  private final Benchmark.Settings settings;
  private final Path work;
  private final String when = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private final List<Row> rows = new ArrayList<>();
  private final StringBuilder json = new StringBuilder();
  private double flatOutAcks = Double.NaN;
  private double endToEnd = Double.NaN;

  Report(Benchmark.Settings settings, Path work) {
    this.settings = settings;
    this.work = work;
  }

  void startup(String data, double firstAccept, double ready) {
    rows.add(new Row("start-up", "first AA after launch, " + data, fmt(firstAccept) + " s", "≤ 8 s", ""));
    rows.add(new Row("start-up", "ready after launch, " + data, fmt(ready) + " s", "≤ 20 s", ""));
    entry("startup", "{\"data\":" + quote(data) + ",\"firstAckSeconds\":" + num(firstAccept)
        + ",\"readySeconds\":" + num(ready) + "}");
  }

  void ingest(String how, Load.Result result) {
    Latencies l = result.latencies();
    boolean flat = "flat out".equals(how);
    if (flat) {
      flatOutAcks = result.perSecond();
    }
    rows.add(new Row("ingest", "ACK/s " + how + " (" + settings.connections() + " connections, " + result.sent()
        + " referrals)", fmt(result.perSecond()), flat ? "≥ 1,000" : "", result.notAccepted() == 0 ? ""
        : result.notAccepted() + " not AA"));
    rows.add(new Row("ingest", "ACK latency " + how + ": p50 / p95 / p99 / max", fmt(l.percentileMillis(50))
        + " / " + fmt(l.percentileMillis(95)) + " / " + fmt(l.percentileMillis(99)) + " / " + fmt(l.maxMillis())
        + " ms", how.equals("at 200/s") ? "p99 ≤ 20 ms, max ≤ 100 ms" : "", ""));
    entry("ingest", "{\"how\":" + quote(how) + ",\"connections\":" + settings.connections() + ",\"sent\":"
        + result.sent() + ",\"notAccepted\":" + result.notAccepted() + ",\"seconds\":" + num(result.seconds())
        + ",\"acksPerSecond\":" + num(result.perSecond()) + ",\"p50Ms\":" + num(l.percentileMillis(50))
        + ",\"p95Ms\":" + num(l.percentileMillis(95)) + ",\"p99Ms\":" + num(l.percentileMillis(99)) + ",\"maxMs\":"
        + num(l.maxMillis()) + "}");
  }

  void endToEnd(int referrals, double seconds, double p50, double p99) {
    endToEnd = referrals / seconds;
    rows.add(new Row("end to end", "referrals/s, first send → last written (" + referrals + ")", fmt(endToEnd),
        "≥ 200", ""));
    rows.add(new Row("end to end", "ACK → written: p50 / p99 (histogram bucket bounds)", fmt(p50 * 1000) + " / "
        + fmt(p99 * 1000) + " ms", "", "includes time queued behind the backlog"));
    entry("endToEnd", "{\"referrals\":" + referrals + ",\"seconds\":" + num(seconds) + ",\"perSecond\":"
        + num(endToEnd) + ",\"latencyP50Seconds\":" + num(p50) + ",\"latencyP99Seconds\":" + num(p99) + "}");
  }

  /** {@code databaseMib}: the PostgreSQL database's size, or -1 with H2 (its file is in the data directory). */
  void resources(int referrals, long rssMib, double cpuSeconds, double wallSeconds, long dataMib, long databaseMib) {
    rows.add(new Row("resources", "RSS after " + referrals + " referrals", rssMib + " MiB", "≤ 1,024 MiB", ""));
    rows.add(new Row("resources", "data directory after " + referrals + " referrals", dataMib + " MiB", "", ""));
    if (databaseMib >= 0) {
      rows.add(new Row("resources", "PostgreSQL database after " + referrals + " referrals", databaseMib + " MiB", "",
          ""));
    }
    rows.add(new Row("resources", "service CPU during the load phases", fmt(cpuSeconds) + " s in " + fmt(wallSeconds)
        + " s", "", fmt(cpuSeconds / wallSeconds) + " cores on average"));
    entry("resources", "{\"referrals\":" + referrals + ",\"rssMib\":" + rssMib + ",\"dataMib\":" + dataMib
        + ",\"databaseMib\":" + databaseMib + ",\"cpuSeconds\":" + num(cpuSeconds)
        + ",\"wallSeconds\":" + num(wallSeconds) + "}");
  }

  void raw(RawLimits.Rate rate) {
    String note = "";
    if (rate.what().startsWith("Artemis") && !Double.isNaN(flatOutAcks)) {
      note = "ingest flat out = " + fmt(flatOutAcks / rate.perSecond()) + " × this (target ≥ 0.8)";
    } else if (rate.what().startsWith("intake alone") && !Double.isNaN(flatOutAcks)) {
      note = "ingest flat out = " + fmt(flatOutAcks / rate.perSecond()) + " × this (processing takes the rest)";
    } else if (rate.what().startsWith("HAPI JPA") && !Double.isNaN(endToEnd)) {
      note = "end to end = " + fmt(endToEnd / rate.perSecond()) + " × this (target ≥ 0.8)";
    }
    rows.add(new Row("raw limits", rate.what() + ", " + rate.threads() + " thread" + (rate.threads() == 1 ? "" : "s")
        + " (" + rate.calls() + " calls)", fmt(rate.perSecond()) + "/s", "", note));
    entry("raw", "{\"what\":" + quote(rate.what()) + ",\"threads\":" + rate.threads() + ",\"calls\":" + rate.calls()
        + ",\"seconds\":" + num(rate.seconds()) + ",\"perSecond\":" + num(rate.perSecond()) + "}");
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("ReferralBridge benchmark, ").append(when).append(", ").append(machine())
        .append(settings.smoke() ? " (SMOKE: figures mean nothing)" : "").append('\n');
    out.append("service JVM options: ").append(settings.jvmOptions().isEmpty() ? "(none)"
        : String.join(" ", settings.jvmOptions())).append('\n');
    List<String> archive = ServiceJvm.classDataArchive();
    out.append("class data archive: ").append(archive.isEmpty() ? "none (the build made none)"
        : String.join(" ", archive)).append('\n');
    out.append("database: ").append(settings.database().description()).append('\n');
    out.append("| section | measure | value | target | note |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ").append(row.section()).append(" | ").append(row.measure()).append(" | ").append(row.value())
          .append(" | ").append(row.target()).append(" | ").append(row.note()).append(" |\n");
    }
    return out.toString();
  }

  /** Writes report.json and report.md into the run's folder; returns the JSON's path. */
  Path json() {
    return work.resolve("report.json");
  }

  void write() throws IOException {
    String document = "{\"when\":" + quote(when) + ",\"machine\":" + quote(machine()) + ",\"smoke\":"
        + settings.smoke() + ",\"jvmOptions\":" + quote(String.join(" ", settings.jvmOptions())) + ",\"database\":"
        + quote(settings.database().name().toLowerCase(Locale.ROOT)) + ",\"results\":["
        + json + "]}\n";
    Files.writeString(json(), document);
    Files.writeString(work.resolve("report.md"), table());
  }

  private void entry(String kind, String object) {
    if (json.length() > 0) {
      json.append(',');
    }
    json.append("{\"kind\":").append(quote(kind)).append(",\"figures\":").append(object).append('}');
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  private static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Double.isInfinite(value)) {
      return "∞";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String num(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
