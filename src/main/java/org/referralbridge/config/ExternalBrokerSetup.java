package org.referralbridge.config;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.referralbridge.operations.BrokerManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gives an external broker the service's queues and their settings ({@link QueueSettings}) through its management
 * address ({@link BrokerManagement}), at start: the queues (dead-letter ones included, so a message the broker dead-letters always has a
 * queue to land in) are created if missing, and the address settings are added (the broker keeps them in its
 * journal). A broker that is down at start is tried again every 15 s until it answers.
 */
public class ExternalBrokerSetup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSetup.class);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private final ConnectionFactory connectionFactory;
  private final QueueSettings queues;
  private final boolean enabled;
  private ScheduledExecutorService retries;
  private volatile boolean running;

  public ExternalBrokerSetup(ConnectionFactory connectionFactory, QueueSettings queues, boolean enabled) {
    this.connectionFactory = connectionFactory;
    this.queues = queues;
    this.enabled = enabled;
  }

  @Override
  public void start() {
    running = true;
    if (!enabled) {
      log.info("External broker: queue settings left to the broker's own configuration");
      return;
    }
    if (!tryApply()) {
      retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broker-setup");
        thread.setDaemon(true);
        return thread;
      });
      retries.scheduleWithFixedDelay(() -> {
        if (tryApply()) {
          retries.shutdown();
        }
      }, 15, 15, TimeUnit.SECONDS);
    }
  }

  /** Applies everything; false (logged) when the broker could not be reached or refused. */
  boolean tryApply() {
    try {
      apply();
      log.info("External broker: {} queues and their settings in place", queues.queues().size());
      return true;
    } catch (Exception e) {
      log.warn("External broker: could not apply the queue settings yet ({}); trying again in 15 s",
          e.getClass().getSimpleName());
      return false;
    }
  }

  private void apply() throws Exception {
    try (BrokerManagement broker = BrokerManagement.open(connectionFactory, ANSWER_TIMEOUT)) {
      for (var queue : queues.queues()) {
        broker.invoke("broker", "createQueue", queue.toJSON(), true);
      }
      for (Map.Entry<String, AddressSettings> setting : queues.addressSettings().entrySet()) {
        broker.invoke("broker", "addAddressSettings", setting.getKey(), setting.getValue().toJSON());
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // before the routes that consume and produce (Camel starts in the default phase)
    return Integer.MIN_VALUE + 1000;
  }
}
