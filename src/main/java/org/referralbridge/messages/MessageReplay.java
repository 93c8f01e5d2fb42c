package org.referralbridge.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.camel.ProducerTemplate;
import org.referralbridge.messages.ReplayResult.Outcome;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.operations.BrokerQueues;
import org.referralbridge.outbound.OutboundQuery;
import org.referralbridge.outbound.OutboundQueue;
import org.referralbridge.outbound.OutboundStore;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' replay of kept messages. An inbound message that is dead-lettered or needs attention (or was replayed
 * and is still not done after {@code stuckAfter}) is put back on the inbound queue through the same durable
 * hand-over as intake ({@code direct:enqueueReferral}), with its envelope rebuilt from its row, and marked REPLAYED;
 * its copy on the dead-letter queue is removed. The pipeline then treats it like any message: a copy of one already
 * processed is skipped, and the FHIR writes are conditional, so a replay never writes a referral twice. A failed
 * outbound message is replayed by the outbound feature's own replay.
 */
public class MessageReplay {

  private static final Logger log = LoggerFactory.getLogger(MessageReplay.class);

  private final MessageStore store;
  private final ProducerTemplate producer;
  private final BrokerQueues brokerQueues;
  private final String deadLetterQueue;
  private final OutboundStore outboundStore;
  private final OutboundQueue outboundQueue;
  private final BridgeMetrics metrics;
  private final Duration stuckAfter;
  private final int maxBulk;
  private final Clock clock;

  public MessageReplay(MessageStore store, ProducerTemplate producer, BrokerQueues brokerQueues,
      String deadLetterQueue, OutboundStore outboundStore, OutboundQueue outboundQueue, BridgeMetrics metrics,
      Duration stuckAfter, int maxBulk, Clock clock) {
    this.store = store;
    this.producer = producer;
    this.brokerQueues = brokerQueues;
    this.deadLetterQueue = deadLetterQueue;
    this.outboundStore = outboundStore;
    this.outboundQueue = outboundQueue;
    this.metrics = metrics;
    this.stuckAfter = stuckAfter;
    this.maxBulk = maxBulk;
    this.clock = clock;
  }

  /** Replays one inbound message, if its status allows it. */
  public ReplayResult replayInbound(long id, String operator) {
    InboundDetail detail = store.inbound(id).orElse(null);
    if (detail == null) {
      return new ReplayResult(id, Outcome.NOT_FOUND, null, "No accepted message " + id + ".");
    }
    InboundMessage message = detail.message();
    Instant now = clock.instant();
    if (!store.markReplayed(id, now, now.minus(stuckAfter))) {
      MessageStatus status = store.inbound(id).map(d -> d.message().status()).orElse(message.status());
      return new ReplayResult(id, Outcome.NOT_REPLAYABLE, status.name(), notReplayable(status, detail));
    }
    try {
      removeDeadLettered(message);
      producer.sendBodyAndHeaders("direct:enqueueReferral", detail.content(), envelope(message));
    } catch (RuntimeException e) {
      store.replayNotQueued(id, message.status(), "replay could not be queued: " + e.getClass().getSimpleName());
      log.error("Message {} from {}: replay by {} failed, could not be queued ({})", message.controlId(),
          message.sender(), operator, e.getClass().getSimpleName());
      return new ReplayResult(id, Outcome.FAILED, message.status().name(),
          "Could not be put back on the queue (" + e.getClass().getSimpleName() + "); nothing changed, try again.");
    }
    metrics.count(BridgeMetrics.Flow.REFERRAL_PROCESSING, BridgeMetrics.Outcome.REPLAYED);
    log.info("Message {} from {}: replayed by {} (was {})", message.controlId(), message.sender(), operator,
        message.status());
    return new ReplayResult(id, Outcome.REPLAYED, MessageStatus.REPLAYED.name(), "Back on the inbound queue.");
  }

  /**
   * Releases a message that needed attention with a staff member's correction: the corrected message goes through
   * the same hand-over as intake, under the original's sender and control id, exactly once (a second release of the
   * same message finds it no longer waiting). The caller has checked the correction as intake would.
   *
   * @param referralKey the referral key of the corrected message (sender and its RF1-6)
   */
  public ReplayResult releaseCorrected(long id, String corrected, String referralKey, String operator) {
    InboundDetail detail = store.inbound(id).orElse(null);
    if (detail == null) {
      return new ReplayResult(id, Outcome.NOT_FOUND, null, "No accepted message " + id + ".");
    }
    InboundMessage message = detail.message();
    if (!store.release(id, corrected, referralKey, operator, clock.instant())) {
      MessageStatus status = store.inbound(id).map(d -> d.message().status()).orElse(message.status());
      return new ReplayResult(id, Outcome.NOT_REPLAYABLE, status.name(),
          "It is " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " now: it was released or resolved already.");
    }
    Map<String, Object> headers = envelope(message);
    headers.put(EnvelopeHeaders.REFERRAL_KEY, referralKey);
    headers.put(EnvelopeHeaders.GROUP, referralKey);
    try {
      producer.sendBodyAndHeaders("direct:enqueueReferral", corrected, headers);
    } catch (RuntimeException e) {
      store.releaseNotQueued(id, "release could not be queued: " + e.getClass().getSimpleName());
      log.error("Message {} from {}: release by {} failed, could not be queued ({})", message.controlId(),
          message.sender(), operator, e.getClass().getSimpleName());
      return new ReplayResult(id, Outcome.FAILED, MessageStatus.NEEDS_ATTENTION.name(),
          "Could not be queued (" + e.getClass().getSimpleName() + "); nothing changed, try again.");
    }
    metrics.count(BridgeMetrics.Flow.REFERRAL_PROCESSING, BridgeMetrics.Outcome.REPLAYED);
    log.info("Message {} from {}: corrected and released by {}", message.controlId(), message.sender(), operator);
    return new ReplayResult(id, Outcome.REPLAYED, MessageStatus.REPLAYED.name(), "Released: being processed.");
  }

  /** Replays the given inbound messages, in the order given. */
  public BulkReplay replayInbound(List<Long> ids, String operator) {
    List<Long> distinct = ids.stream().distinct().toList();
    return bulk(distinct, id -> replayInbound(id, operator));
  }

  /** Replays the replayable inbound messages matching the query, oldest first, at most max-bulk-replay of them. */
  public BulkReplay replayInbound(InboundQuery query, String operator) {
    Instant now = clock.instant();
    List<Long> ids = store.replayable(query, now.minus(stuckAfter), maxBulk + 1);
    BulkReplay replay = bulk(ids, id -> replayInbound(id, operator));
    log.info("Bulk replay by {}: {} inbound message(s) replayed, {} skipped", operator, replay.replayed(),
        replay.skipped());
    return replay;
  }

  /** Replays one FAILED outbound message (the outbound feature's replay). */
  public ReplayResult replayOutbound(long id, String operator) {
    var message = outboundStore.find(id).orElse(null);
    if (message == null) {
      return new ReplayResult(id, Outcome.NOT_FOUND, null, "No outbound message " + id + ".");
    }
    try {
      if (!outboundQueue.replay(id)) {
        String status = outboundStore.find(id).map(m -> m.status().name()).orElse(message.status().name());
        return new ReplayResult(id, Outcome.NOT_REPLAYABLE, status, "Only FAILED messages are sent again; this one is "
            + status + ".");
      }
    } catch (RuntimeException e) {
      log.error("Outbound {}: replay by {} failed, could not be queued ({})", id, operator,
          e.getClass().getSimpleName());
      return new ReplayResult(id, Outcome.FAILED, message.status().name(),
          "Could not be put back on the queue (" + e.getClass().getSimpleName() + "); nothing changed, try again.");
    }
    log.info("Outbound {}: replayed by {}", id, operator);
    return new ReplayResult(id, Outcome.REPLAYED, "PENDING", "Back on the outbound queue, from its first attempt.");
  }

  /** Replays the given outbound messages, in the order given. */
  public BulkReplay replayOutbound(List<Long> ids, String operator) {
    List<Long> distinct = ids.stream().distinct().toList();
    return bulk(distinct, id -> replayOutbound(id, operator));
  }

  /** Replays the FAILED outbound messages matching the query, oldest first, at most max-bulk-replay of them. */
  public BulkReplay replayOutbound(OutboundQuery query, String operator) {
    List<Long> ids = outboundStore.failedIds(query, maxBulk + 1);
    BulkReplay replay = bulk(ids, id -> replayOutbound(id, operator));
    log.info("Bulk replay by {}: {} outbound message(s) replayed, {} skipped", operator, replay.replayed(),
        replay.skipped());
    return replay;
  }

  /**
   * Replays at most max-bulk-replay of the ids, in order. Stops at the first that cannot be queued: the queue is
   * not taking messages, and each further attempt would only wait for it too.
   */
  private BulkReplay bulk(List<Long> ids, LongFunction<ReplayResult> replay) {
    List<ReplayResult> results = new ArrayList<>();
    boolean more = ids.size() > maxBulk;
    for (Long id : ids.stream().limit(maxBulk).toList()) {
      ReplayResult result = replay.apply(id);
      results.add(result);
      if (result.outcome() == Outcome.FAILED) {
        more = results.size() < ids.size();
        break;
      }
    }
    return BulkReplay.of(results, more);
  }

  /** The envelope intake made for the message, rebuilt from its row. */
  static Map<String, Object> envelope(InboundMessage message) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(EnvelopeHeaders.CHANNEL, message.channel());
    headers.put(EnvelopeHeaders.FORMAT, message.format() == null ? EnvelopeHeaders.FORMAT_HL7V2 : message.format());
    headers.put(EnvelopeHeaders.SENDER, message.sender());
    headers.put(EnvelopeHeaders.CONTROL_ID, message.controlId());
    headers.put(EnvelopeHeaders.FINGERPRINT, message.fingerprint());
    if (message.messageType() != null) {
      headers.put(EnvelopeHeaders.MESSAGE_TYPE, message.messageType());
    }
    if (message.referralKey() != null) {
      headers.put(EnvelopeHeaders.REFERRAL_KEY, message.referralKey());
      headers.put(EnvelopeHeaders.GROUP, message.referralKey());
    }
    headers.put(EnvelopeHeaders.RECEIVED_AT, message.receivedAt().toEpochMilli());
    return headers;
  }

  /** Its copies on the dead-letter queue: replayed from the message store, they would only be found twice. */
  private void removeDeadLettered(InboundMessage message) {
    if (message.status() != MessageStatus.DEAD_LETTERED && message.status() != MessageStatus.REPLAYED) {
      return;
    }
    try {
      // only this message's copies, not those of another message that reused its control id; a row whose
      // content was cleared before fingerprints has none and is not replayed
      brokerQueues.remove(deadLetterQueue, message.fingerprint().isEmpty()
          ? Map.of(EnvelopeHeaders.SENDER, message.sender(), EnvelopeHeaders.CONTROL_ID, message.controlId())
          : Map.of(EnvelopeHeaders.SENDER, message.sender(), EnvelopeHeaders.CONTROL_ID, message.controlId(),
              EnvelopeHeaders.FINGERPRINT, message.fingerprint()));
    } catch (Exception e) {
      // the replay stands: the message store, not the dead-letter queue, is what operators replay from
      log.warn("Message {} from {}: its copy on {} could not be removed ({})", message.controlId(), message.sender(),
          deadLetterQueue, e.getClass().getSimpleName());
    }
  }

  private String notReplayable(MessageStatus status, InboundDetail detail) {
    if (detail.content() == null) {
      return "Its content was cleared by retention: it cannot be replayed.";
    }
    return switch (status) {
      case PROCESSED, DUPLICATE -> "Already processed: nothing to replay.";
      case REPLAYED -> "Replayed less than " + stuckAfter.toMinutes() + " min ago and still being processed.";
      default -> "A " + status + " message is not replayed.";
    };
  }
}
