package org.referralbridge.bench;

import java.util.Arrays;

/** Latencies in microseconds, recorded by one thread each and merged; percentiles by sorting (exact). */
final class Latencies {

  private long[] values = new long[1024];
  private int size;

  void add(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.size; i++) {
        all.add(part.values[i]);
      }
    }
    Arrays.sort(all.values, 0, all.size);
    return all;
  }

  int count() {
    return size;
  }

  /** The percentile in milliseconds of a merged (sorted) set; NaN when empty. */
  double percentileMillis(double percentile) {
    if (size == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
    return values[Math.max(0, Math.min(size - 1, index))] / 1000.0;
  }

  double maxMillis() {
    return size == 0 ? Double.NaN : values[size - 1] / 1000.0;
  }
}
