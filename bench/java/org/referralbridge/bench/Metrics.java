package org.referralbridge.bench;

import java.util.ArrayList;
import java.util.List;

/** A Prometheus scrape of the service, read for the few series the benchmark needs. */
final class Metrics {

  private final List<String> lines = new ArrayList<>();

  Metrics(String text) {
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        lines.add(line);
      }
    }
  }

  /** Referrals written to the FHIR store so far. */
  double processed() {
    return sum("bridge_messages_total{", "flow=\"referral-processing\"", "outcome=\"processed\"");
  }

  /** Cumulative count of the ACK→written latency histogram at or below {@code le} seconds. */
  double latencyBucket(String le) {
    return sum("bridge_referral_latency_seconds_bucket{", "le=\"" + le + "\"");
  }

  /** The histogram's bucket bounds, in seconds, as written (e.g. "0.5"), ascending. */
  List<String> latencyBounds() {
    List<String> bounds = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("bridge_referral_latency_seconds_bucket{")) {
        int start = line.indexOf("le=\"") + 4;
        bounds.add(line.substring(start, line.indexOf('"', start)));
      }
    }
    return bounds;
  }

  private double sum(String prefix, String... labels) {
    double total = 0;
    for (String line : lines) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= line.contains(label);
      }
      if (all) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /**
   * A percentile (0–100) of the latencies recorded between two scrapes, in seconds: the upper bound of the bucket it
   * falls in (NaN when none were recorded).
   */
  static double latencyPercentile(Metrics before, Metrics after, double percentile) {
    List<String> bounds = after.latencyBounds();
    double total = after.latencyBucket("+Inf") - before.latencyBucket("+Inf");
    if (total <= 0) {
      return Double.NaN;
    }
    for (String bound : bounds) {
      double count = after.latencyBucket(bound) - before.latencyBucket(bound);
      if (count >= percentile / 100.0 * total) {
        return "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
