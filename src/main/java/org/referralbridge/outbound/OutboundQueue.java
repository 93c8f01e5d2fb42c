package org.referralbridge.outbound;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.ProducerTemplate;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.operations.BrokerQueues;
import org.referralbridge.partner.Partner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands a message for a partner to the delivery route, as a transactional outbox: the message is recorded in the
 * caller's transaction (with the change it reports), and put on the durable outbound queue, grouped by referral,
 * once that commits. A message the broker did not take is sent later by the {@link OutboxRelay}: none is lost
 * between the database and the broker, some may be queued twice (delivery skips the second copy).
 */
public class OutboundQueue implements AutoCloseable {

  /** Header carrying the outbound message's id on the queue. */
  public static final String ID = "BridgeOutboundId";

  private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

  private final OutboundStore store;
  private final ProducerTemplate producer;
  private final BrokerQueues brokerQueues;
  private final String deadLetterQueue;
  private final BridgeMetrics metrics;
  private final ExecutorService afterCommit;

  /**
   * @param afterCommit the thread that queues messages of committed transactions: not the committing thread, where
   *     the finished transaction's resources are still bound and a JMS session would join its synchronization (and
   *     never be committed) and a JDBC update would run on its connection after its commit
   */
  public OutboundQueue(OutboundStore store, ProducerTemplate producer, BrokerQueues brokerQueues,
      String deadLetterQueue, BridgeMetrics metrics, ExecutorService afterCommit) {
    this.store = store;
    this.producer = producer;
    this.brokerQueues = brokerQueues;
    this.deadLetterQueue = deadLetterQueue;
    this.metrics = metrics;
    this.afterCommit = afterCommit;
  }

  /** An MSH-10 for a message to a partner: at most 20 characters, unique enough to never repeat (time + random). */
  public static String newControlId() {
    return "RB" + Long.toString(Instant.now().toEpochMilli(), 36).toUpperCase(Locale.ROOT)
        + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
  }

  /** What to send: built by the status or summary feature for one partner channel and format. */
  public record Outgoing(OutboundMessage.Kind kind, String serviceRequestId, Partner partner, Partner.Format format,
      String controlId, String description, String content) {}

  /**
   * Records the message (PENDING, not queued) and queues it: after commit when a Spring transaction is active, at
   * once otherwise. A failure to queue is logged, not thrown: the relay sends the message later. A partner without
   * a channel taking this format gets a NO_CHANNEL record only.
   */
  public long enqueue(Outgoing out) {
    Partner.Channel channel = out.partner() == null ? null : out.partner().channel();
    boolean deliverable = channel != null && out.format() != null && channel.formats().contains(out.format());
    long id = store.create(out.kind(), out.serviceRequestId(),
        out.partner() == null ? null : out.partner().organizationId(),
        channel == null ? null : channel.kind().name(), channel == null ? null : channel.address(),
        out.format() == null ? null : out.format().name(), out.controlId(), out.description(), out.content(),
        deliverable ? OutboundStatus.PENDING : OutboundStatus.NO_CHANNEL);
    if (deliverable) {
      queueAfterCommit(id, out.serviceRequestId());
    } else {
      metrics.count(OutboundSteps.flow(out.kind()), BridgeMetrics.Outcome.NO_CHANNEL);
      log.warn("Outbound {} for ServiceRequest/{}: no partner channel takes {}", id, out.serviceRequestId(),
          out.format());
    }
    return id;
  }

  /**
   * Sends a FAILED message again from its first attempt (staff replay); its copy on the dead-letter queue is
   * removed. Returns false, and sends nothing, when the message is not FAILED (already replayed, delivered...).
   */
  public boolean replay(long id) {
    OutboundMessage message = store.find(id)
        .orElseThrow(() -> new NoSuchElementException("no outbound message " + id));
    if (!store.resetForReplay(id)) {
      log.info("Outbound {}: not replayed, it is {}", id, message.status());
      return false;
    }
    // first the old copy off the dead-letter queue, so it can never be mistaken for a copy of this new attempt
    removeDeadLettered(id);
    try {
      send(id, message.serviceRequestId());
    } catch (RuntimeException e) {
      store.replayNotQueued(id, "replay could not be queued: " + e.getClass().getSimpleName());
      throw e;
    }
    metrics.count(OutboundSteps.flow(message.kind()), BridgeMetrics.Outcome.REPLAYED);
    log.info("Outbound {}: replayed", id);
    return true;
  }

  private void removeDeadLettered(long id) {
    try {
      brokerQueues.remove(deadLetterQueue, Map.of(ID, id));
    } catch (Exception e) {
      // the replay stands; a copy left on the dead-letter queue is skipped if it is ever consumed (prepare: SKIP)
      log.warn("Outbound {}: its copy on {} could not be removed ({})", id, deadLetterQueue,
          e.getClass().getSimpleName());
    }
  }

  /** The broker is reachable through a started Camel context (the relay waits for it after start). */
  boolean ready() {
    return producer.getCamelContext().isStarted();
  }

  /**
   * Puts a recorded message on the broker and marks it queued. Throws when the broker did not take it (the message
   * stays for the relay); a failure to mark it leaves it for the relay too, which queues it a second time.
   */
  void queueNow(long id, String serviceRequestId) {
    send(id, serviceRequestId);
    store.queued(id);
  }

  private void queueAfterCommit(long id, String serviceRequestId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      queueOrLeaveToRelay(id, serviceRequestId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          afterCommit.execute(() -> queueOrLeaveToRelay(id, serviceRequestId));
        } catch (RejectedExecutionException e) {
          log.warn("Outbound {} for ServiceRequest/{}: not queued (shutting down), the outbox relay will send it",
              id, serviceRequestId);
        }
      }
    });
  }

  private void queueOrLeaveToRelay(long id, String serviceRequestId) {
    try {
      queueNow(id, serviceRequestId);
    } catch (RuntimeException e) {
      log.warn("Outbound {} for ServiceRequest/{}: not queued ({}), the outbox relay will send it", id,
          serviceRequestId, e.getClass().getSimpleName());
    }
  }

  /** Stops the after-commit thread; messages it had not queued yet are left to the relay. */
  @Override
  public void close() {
    afterCommit.shutdownNow();
  }

  private void send(long id, String serviceRequestId) {
    // one group per referral keeps its messages in order; a message about no referral is a group of its own
    String group = serviceRequestId == null ? "outbound-" + id : serviceRequestId;
    producer.sendBodyAndHeaders("direct:enqueueOutbound", "", Map.of(ID, id, "JMSXGroupID", group));
  }
}
