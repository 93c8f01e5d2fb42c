package org.referralbridge.messages;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When {@link MessageRetention} runs: a minute after start (or after one interval, if shorter), then every interval,
 * on a thread of its own (a {@code PeriodicTask}, MessagesConfiguration). A failed run is logged and the next one
 * comes as planned.
 */
class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final MessageRetention retention;
  private final Duration interval;

  RetentionSchedule(MessageRetention retention, Duration interval) {
    this.retention = retention;
    this.interval = interval;
  }

  Duration firstDelay() {
    return interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
  }

  Duration interval() {
    return interval;
  }

  void runOnce() {
    try {
      MessageRetention.Result result = retention.run();
      if (result.total() > 0) {
        log.info("Retention: content cleared of {} accepted, {} rejected, {} outbound, {} quarantined message(s);"
            + " rows deleted: {} accepted, {} rejected, {} outbound, {} quarantined", result.inboundCleared(),
            result.rejectedCleared(), result.outboundCleared(), result.quarantineCleared(), result.inboundDeleted(),
            result.rejectedDeleted(), result.outboundDeleted(), result.quarantineDeleted());
      }
    } catch (RuntimeException e) {
      log.error("Retention run failed ({}); next run in {}", e.getClass().getSimpleName(), interval);
    }
  }
}
