package org.referralbridge.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A job run on a daemon thread of its own, started and stopped with the application: first after a delay, then with
 * a fixed delay between the end of one run and the start of the next. A run that fails is logged and the next one
 * comes as planned (a plain scheduled executor would stop the schedule at the first exception).
 */
public final class PeriodicTask implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration firstDelay;
  private final Duration interval;
  private final Runnable job;
  private ScheduledExecutorService executor;

  /**
   * @param name the thread's name, also used in the log
   * @param firstDelay from start to the first run
   * @param interval between the end of a run and the start of the next
   * @param job what to run; it logs its own outcome
   */
  public PeriodicTask(String name, Duration firstDelay, Duration interval, Runnable job) {
    this.name = name;
    this.firstDelay = firstDelay;
    this.interval = interval;
    this.job = job;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::runGuarded, firstDelay.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void runGuarded() {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.error("{}: run failed ({}); next run in {}", name, e.getClass().getSimpleName(), interval);
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
