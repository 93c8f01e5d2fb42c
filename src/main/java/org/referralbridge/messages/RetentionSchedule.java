package org.referralbridge.messages;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link MessageRetention} on its own thread: a minute after start (or after one interval, if shorter), then
 * every interval. A failed run is logged and the next one comes as planned.
 */
class RetentionSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final MessageRetention retention;
  private final Duration interval;
  private ScheduledExecutorService executor;

  RetentionSchedule(MessageRetention retention, Duration interval) {
    this.retention = retention;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "message-retention");
      thread.setDaemon(true);
      return thread;
    });
    long first = Math.min(Duration.ofMinutes(1).toMillis(), interval.toMillis());
    executor.scheduleWithFixedDelay(this::runOnce, first, interval.toMillis(), TimeUnit.MILLISECONDS);
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

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
