package org.referralbridge.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
  private Random pipelining;
  private final AtomicInteger pipelined = new AtomicInteger();
  private final AtomicInteger pipelinedUnanswered = new AtomicInteger();
  private final AtomicInteger mismatched = new AtomicInteger();
  private Supplier<String> gone = () -> null;
  /** The messages not yet taken by a sender. */
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();

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

  /**
   * Asked whenever a sender cannot connect: a reason (the service's process has ended, say) stops the stream at
   * once and fails it with that reason, rather than retrying into a dead port until the stream's time limit.
   */
  ReferralStream stopIfGone(Supplier<String> reason) {
    this.gone = reason;
    return this;
  }

  /** Runs {@code action} (on its own thread, the stream going on meanwhile) once {@code count} AAs came back. */
  ReferralStream whenAccepted(int count, Runnable action) {
    actions.put(count, action);
    return this;
  }

  List<Outcome> send(List<Item> items) {
    queue.addAll(items);
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    for (int c = 0; c < connections; c++) {
      int first = c;
      senders.submit(() -> sendAll(outcomes, first));
    }
    senders.shutdown();
    try {
      if (!senders.awaitTermination(STREAM_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
        senders.shutdownNow();
        throw new IllegalStateException("the stream did not finish in " + STREAM_LIMIT.toMinutes() + " minutes ("
            + outcomes.size() + " of " + items.size() + " messages answered)");
      }
      actionRunner.shutdown();
      actionRunner.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!actionFailures.isEmpty()) {
      throw new IllegalStateException("the stream could not go on: " + actionFailures.get(0).getMessage(),
          actionFailures.get(0));
    }
    return new ArrayList<>(outcomes);
  }

  /**
   * Now and then (about one message in four, decided by a generator seeded with {@code seed}) a sender writes the
   * next two or three referrals as frames in one TCP write and reads their acknowledgements in order, as pipelining
   * senders do; a referral without an answer is then sent again on its own.
   */
  ReferralStream pipelineSometimes(long seed) {
    this.pipelining = new Random(seed);
    return this;
  }

  /** How many messages were sent pipelined, and how many of those got no answer to that send (a fault, say). */
  String pipelinedSummary() {
    return pipelined.get() + " pipelined (" + pipelinedUnanswered.get() + " unanswered)";
  }

  /** Pipelined messages whose acknowledgement named another control id (MSA-2): must be none. */
  int mismatchedAcknowledgements() {
    return mismatched.get();
  }

  private void sendAll(List<Outcome> outcomes, int connectionIndex) {
    Sender sender = new Sender(connectionIndex % endpoints.size());
    Item item;
    while ((item = queue.poll()) != null) {
      List<Item> batch = new ArrayList<>(List.of(item));
      if (pipelines(item)) {
        for (int extra = 0; extra < 2; extra++) {
          Item next = queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
          if (!pipelinable(next)) {
            break;
          }
        }
      }
      List<String> firstAnswers = batch.size() > 1 ? sender.pipeline(batch) : List.of();
      for (int i = 0; i < batch.size(); i++) {
        Outcome outcome = sender.deliver(batch.get(i), i < firstAnswers.size() ? firstAnswers.get(i) : null,
            batch.size() > 1 && pipelinable(batch.get(i)));
        outcomes.add(outcome);
        accepted(outcome);
      }
      PostgresServer.sleep(pace.toMillis());
    }
    sender.close();
  }

  private boolean pipelines(Item item) {
    if (pipelining == null || !pipelinable(item)) {
      return false;
    }
    synchronized (pipelining) {
      return pipelining.nextInt(4) == 0;
    }
  }

  private static boolean pipelinable(Item item) {
    return item.raw() == null && item.message() != null && item.resend();
  }

  private void accepted(Outcome outcome) {
    if (!"AA".equals(outcome.ack())) {
      return;
    }
    Runnable action = actions.remove(accepted.incrementAndGet());
    if (action != null) {
      actionRunner.submit(() -> {
        try {
          action.run();
        } catch (Throwable t) {
          // the scenario cannot go on (the service did not come back, say): stop sending at once rather
          // than resending into a dead port until the stream's time limit
          stop(t);
        }
      });
    }
  }

  private void stop(Throwable reason) {
    actionFailures.add(reason);
    queue.clear();
  }

  /** One sender's connection: the endpoint it uses now, and its MLLP connection when it has one. */
  private final class Sender {

    private int endpoint;
    private MllpClient client;

    Sender(int endpoint) {
      this.endpoint = endpoint;
    }

    /**
     * Writes the pipelinable items of a batch in one write; their answers, in order, as far as they came (a lost
     * connection leaves the rest unanswered: they are sent again one by one).
     */
    List<String> pipeline(List<Item> batch) {
      List<String> messages = batch.stream().filter(ReferralStream::pipelinable).map(Item::message).toList();
      if (messages.size() < 2 || !connected()) {
        return List.of();
      }
      List<String> answers = new ArrayList<>();
      try {
        client.pipeline(messages, answers);
      } catch (IOException e) {
        lost();
      }
      pipelined.addAndGet(messages.size());
      pipelinedUnanswered.addAndGet(messages.size() - answers.size());
      for (int i = 0; i < answers.size(); i++) {
        String controlId = ScenarioAudit.controlId(new Item(null, messages.get(i), null, true));
        if (!controlId.equals(MllpClient.acknowledgedControlId(answers.get(i)))) {
          // an acknowledgement taken for another message's: the worst an MLLP listener can do to a sender
          mismatched.incrementAndGet();
          answers.set(i, null);
        }
      }
      return answers;
    }

    /** Sends an item until it is answered for good; {@code firstAnswer}: what a pipelined first send got. */
    Outcome deliver(Item item, String firstAnswer, boolean sentPipelined) {
      String ack = "NONE";
      boolean sawAe = false;
      int attempts = 0;
      if (item.raw() != null && client != null) {
        // a broken frame comes first on a connection of its own: what a listener sees first is its hardest case
        close();
      }
      if (sentPipelined) {
        attempts++;
        String code = firstAnswer == null ? null : MllpClient.ackCode(firstAnswer);
        ack = code == null ? "NONE" : code;
        sawAe = "AE".equals(ack);
        if ("AA".equals(ack) || "AR".equals(ack)) {
          return new Outcome(item, ack, attempts, sawAe);
        }
        PostgresServer.sleep(resendPause.toMillis());
      }
      while (attempts < maxAttempts && actionFailures.isEmpty()) {
        attempts++;
        if (client == null && !connect(item.raw() != null ? 3000 : ackTimeoutMillis)) {
          // nothing was sent: every kind of message is tried again (a slow or restarting listener is no answer)
          String reason = gone.get();
          if (reason != null) {
            stop(new IllegalStateException("the stream stopped: " + reason));
            break;
          }
          PostgresServer.sleep(resendPause.toMillis());
          continue;
        }
        try {
          String answer = item.raw() != null ? client.exchangeRaw(item.raw()) : client.exchange(item.message());
          String code = MllpClient.ackCode(answer);
          ack = code == null ? "NONE" : code;
        } catch (IOException e) {
          ack = "NONE";
          lost();
        }
        sawAe |= "AE".equals(ack);
        if ("AA".equals(ack) || "AR".equals(ack) || !item.resend()) {
          break;
        }
        PostgresServer.sleep(resendPause.toMillis());
      }
      if (item.raw() != null && client != null) {
        // after a deliberately broken frame, start clean
        close();
      }
      return new Outcome(item, ack, attempts, sawAe);
    }

    private boolean connected() {
      return client != null || connect(ackTimeoutMillis);
    }

    private boolean connect(int timeoutMillis) {
      try {
        client = new MllpClient(endpoints.get(endpoint), timeoutMillis);
        return true;
      } catch (IOException notConnected) {
        endpoint = (endpoint + 1) % endpoints.size();
        return false;
      }
    }

    /** The connection failed: closed, and the next attempt goes to the next endpoint (fail-over). */
    private void lost() {
      close();
      endpoint = (endpoint + 1) % endpoints.size();
    }

    void close() {
      if (client != null) {
        client.close();
        client = null;
      }
    }
  }
}
