package org.referralbridge.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of messages sent the way referring systems send them: several MLLP connections, each sending one
 * message at a time at a steady pace and waiting for its acknowledgement. A message marked {@code resend} is sent
 * again after an AE or a lost connection (as senders do, on another endpoint if there are several) until it gets
 * AA or AR or the attempts run out. Faults are injected by actions run when a number of AAs has been reached.
 */
final class ReferralStream {

  /** One message to send; {@code raw} (if set) is sent as it is, framing and all. */
  record Item(String id, String message, byte[] raw, boolean resend) {
    static Item referral(String id, String message) {
      return new Item(id, message, null, true);
    }

    static Item hostile(String id, String message) {
      return new Item(id, message, null, false);
    }

    static Item rawBytes(String id, byte[] raw) {
      return new Item(id, null, raw, false);
    }
  }

  /** The last answer a message got ("AA", "AE", "AR", or "NONE": no acknowledgement), after how many sends. */
  record Outcome(Item item, String ack, int attempts, boolean sawAe) {}

  /** The longest a stream may take (the slowest, scenario 6, takes about 6 minutes on a loaded 2-core machine). */
  private static final Duration STREAM_LIMIT = Duration.ofMinutes(15);

  private final List<InetSocketAddress> endpoints;
  private final int connections;
  private Duration pace = Duration.ofMillis(100);
  private Duration resendPause = Duration.ofMillis(500);
  private int maxAttempts = 400;
  private int ackTimeoutMillis = 30_000;
  private final Map<Integer, Runnable> actions = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Throwable> actionFailures = new CopyOnWriteArrayList<>();
  private final ExecutorService actionRunner = Executors.newSingleThreadExecutor();

  ReferralStream(List<InetSocketAddress> endpoints, int connections) {
    this.endpoints = endpoints;
    this.connections = connections;
  }

  static InetSocketAddress local(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** The pause between two messages on one connection. */
  ReferralStream pace(Duration pace) {
    this.pace = pace;
    return this;
  }

  ReferralStream ackTimeout(Duration timeout) {
    this.ackTimeoutMillis = (int) timeout.toMillis();
    return this;
  }

  /** Runs {@code action} (on its own thread, the stream going on meanwhile) once {@code count} AAs came back. */
  ReferralStream whenAccepted(int count, Runnable action) {
    actions.put(count, action);
    return this;
  }

  List<Outcome> send(List<Item> items) {
    ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>(items);
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    for (int c = 0; c < connections; c++) {
      int first = c;
      senders.submit(() -> sendAll(queue, outcomes, first));
    }
    senders.shutdown();
    try {
      if (!senders.awaitTermination(STREAM_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
        senders.shutdownNow();
        throw new IllegalStateException("the stream did not finish in " + STREAM_LIMIT.toMinutes() + " minutes");
      }
      actionRunner.shutdown();
      actionRunner.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!actionFailures.isEmpty()) {
      throw new IllegalStateException("a fault action failed", actionFailures.get(0));
    }
    return new ArrayList<>(outcomes);
  }

  private void sendAll(ConcurrentLinkedQueue<Item> queue, List<Outcome> outcomes, int connectionIndex) {
    int endpoint = connectionIndex % endpoints.size();
    MllpClient client = null;
    Item item;
    while ((item = queue.poll()) != null) {
      String ack = "NONE";
      boolean sawAe = false;
      int attempts = 0;
      if (item.raw() != null && client != null) {
        // a broken frame comes first on a connection of its own: what a listener sees first is its hardest case
        client.close();
        client = null;
      }
      while (attempts < maxAttempts && actionFailures.isEmpty()) {
        attempts++;
        if (client == null) {
          try {
            client = new MllpClient(endpoints.get(endpoint), item.raw() != null ? 3000 : ackTimeoutMillis);
          } catch (IOException notConnected) {
            // nothing was sent: every kind of message is tried again (a slow or restarting listener is no answer)
            endpoint = (endpoint + 1) % endpoints.size();
            PostgresServer.sleep(resendPause.toMillis());
            continue;
          }
        }
        try {
          String answer = item.raw() != null ? client.exchangeRaw(item.raw()) : client.exchange(item.message());
          String code = MllpClient.ackCode(answer);
          ack = code == null ? "NONE" : code;
        } catch (IOException e) {
          ack = "NONE";
          client.close();
          client = null;
          endpoint = (endpoint + 1) % endpoints.size();
        }
        sawAe |= "AE".equals(ack);
        if ("AA".equals(ack) || "AR".equals(ack) || !item.resend()) {
          break;
        }
        PostgresServer.sleep(resendPause.toMillis());
      }
      outcomes.add(new Outcome(item, ack, attempts, sawAe));
      if ("AA".equals(ack)) {
        Runnable action = actions.remove(accepted.incrementAndGet());
        if (action != null) {
          actionRunner.submit(() -> {
            try {
              action.run();
            } catch (Throwable t) {
              // the scenario cannot go on (the service did not come back, say): stop sending at once rather
              // than resending into a dead port until the stream's time limit
              actionFailures.add(t);
              queue.clear();
            }
          });
        }
      }
      if (item.raw() != null && client != null) {
        // after a deliberately broken frame, start clean
        client.close();
        client = null;
      }
      PostgresServer.sleep(pace.toMillis());
    }
    if (client != null) {
      client.close();
    }
  }
}
