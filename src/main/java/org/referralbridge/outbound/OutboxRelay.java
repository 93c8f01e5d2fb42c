package org.referralbridge.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: sends the outbound messages that were recorded but never reached the broker (it was down when
 * their transaction committed, or the service stopped in between), oldest first, every interval (on a thread of its
 * own: a {@code PeriodicTask}, see OutboundConfiguration).
 * A message younger than the grace age is left to the after-commit send that is still on its way.
 *
 * <p>At least once, never lost: a crash after the send and before the mark queues the message again; so does a
 * relay of another instance that reads the same row at the same time. Both only add copies on the queue, which
 * delivery handles: {@link OutboundSteps#prepare} skips a message already DELIVERED or FAILED, keeps a referral's
 * messages in order (WAIT), and every attempt carries the same control id, so a partner can recognise a repeat.
 */
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  /** Batches one run sends at most, so a run ends even if marking were to go wrong. */
  private static final int MAX_BATCHES = 10;

  private final OutboundStore store;
  private final OutboundQueue queue;
  private final Duration interval;
  private final Duration grace;
  private final int batchSize;
  private final Clock clock;

  OutboxRelay(OutboundStore store, OutboundQueue queue, Duration interval, Duration grace, int batchSize,
      Clock clock) {
    this.store = store;
    this.queue = queue;
    this.interval = interval;
    this.grace = grace;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  /**
   * Sends what is due (nothing until Camel, and so the broker's producer, is up); returns how many messages were
   * queued. The broker being down ends the run (one WARN).
   */
  int runOnce() {
    if (!queue.ready()) {
      return 0;
    }
    int queued = 0;
    try {
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        List<OutboundStore.Unqueued> due = store.unqueued(clock.instant().minus(grace), batchSize);
        for (OutboundStore.Unqueued message : due) {
          queue.queueNow(message.id(), message.serviceRequestId());
          queued++;
        }
        if (due.size() < batchSize) {
          break;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Outbox relay: stopped after {} message(s) queued ({}); next run in {}", queued,
          e.getClass().getSimpleName(), interval);
    }
    if (queued > 0) {
      log.info("Outbox relay: {} message(s) recorded earlier queued now", queued);
    }
    return queued;
  }
}
