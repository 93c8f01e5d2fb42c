package org.referralbridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.referralbridge.support.Hl7Samples;

/** Referrals sent over several MLLP connections, flat out or at a fixed rate, with each ACK's latency. */
final class Load {

  /** What a load run did. */
  record Result(int sent, int notAccepted, double seconds, Latencies latencies) {

    double perSecond() {
      return sent / seconds;
    }
  }

  private final int port;
  private final int connections;
  private final String runId;
  private final AtomicInteger next = new AtomicInteger();

  Load(int port, int connections, String runId) {
    this.port = port;
    this.connections = connections;
    this.runId = runId;
  }

  /** A new referral (its own control id, referral id and patient) from the sample of a known sender. */
  byte[] referral() {
    String suffix = runId + "-" + next.incrementAndGet();
    return Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix).getBytes(StandardCharsets.UTF_8);
  }

  int referralsMade() {
    return next.get();
  }

  /** {@code count} referrals, made before the clock starts, sent as fast as the ACKs come. */
  Result flatOut(int count) throws Exception {
    List<byte[]> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(referral());
    }
    AtomicInteger index = new AtomicInteger();
    return run(connection -> {
      Latencies latencies = new Latencies();
      int rejected = 0;
      for (int i = index.getAndIncrement(); i < count; i = index.getAndIncrement()) {
        long start = System.nanoTime();
        boolean ok = MllpConnection.accepted(connection.exchange(messages.get(i)));
        latencies.add((System.nanoTime() - start) / 1000);
        rejected += ok ? 0 : 1;
      }
      return new Partial(latencies, rejected);
    });
  }

  /**
   * {@code perSecond} referrals a second for {@code seconds}, spread over the connections. Latency counts from
   * when a message was due, not when it went (a late ACK delays the next send; that wait counts too).
   */
  Result fixedRate(int perSecond, double seconds) throws Exception {
    long interval = (long) (1e9 * connections / perSecond);
    int perConnection = (int) Math.max(1, Math.round(perSecond * seconds / connections));
    List<List<byte[]>> batches = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      List<byte[]> batch = new ArrayList<>(perConnection);
      for (int i = 0; i < perConnection; i++) {
        batch.add(referral());
      }
      batches.add(batch);
    }
    AtomicInteger which = new AtomicInteger();
    long begin = System.nanoTime() + 50_000_000;
    return run(connection -> {
      int c = which.getAndIncrement();
      List<byte[]> batch = batches.get(c);
      Latencies latencies = new Latencies();
      int rejected = 0;
      long offset = interval * c / connections;
      for (int i = 0; i < batch.size(); i++) {
        long due = begin + offset + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        boolean ok = MllpConnection.accepted(connection.exchange(batch.get(i)));
        latencies.add((System.nanoTime() - due) / 1000);
        rejected += ok ? 0 : 1;
      }
      return new Partial(latencies, rejected);
    });
  }

  private record Partial(Latencies latencies, int rejected) {}

  private interface Work {
    Partial on(MllpConnection connection) throws Exception;
  }

  private Result run(Work work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    List<MllpConnection> open = new ArrayList<>();
    try {
      for (int c = 0; c < connections; c++) {
        open.add(new MllpConnection("127.0.0.1", port, 5000, 30_000));
      }
      long start = System.nanoTime();
      List<Future<Partial>> futures = new ArrayList<>();
      for (MllpConnection connection : open) {
        futures.add(threads.submit(() -> work.on(connection)));
      }
      List<Latencies> latencies = new ArrayList<>();
      int rejected = 0;
      for (Future<Partial> future : futures) {
        Partial partial = future.get();
        latencies.add(partial.latencies());
        rejected += partial.rejected();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Latencies all = Latencies.merge(latencies);
      return new Result(all.count(), rejected, seconds, all);
    } finally {
      for (MllpConnection connection : open) {
        connection.close();
      }
      threads.shutdownNow();
    }
  }
}
