package org.referralbridge.operations;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators ask the broker about its queues, over plain JMS so it works the same with the embedded broker and
 * an external one: the number of messages on a queue ({@link BrokerManagement}: {@code queue.<name>}'s
 * {@code messageCount}), and removing the copies of one message from a queue (a
 * dead-letter queue, once the message has been replayed).
 *
 * <p>Depths are sampled for all queues at once, at most once per {@code maxAge}, and cached: a scrape every second
 * costs the broker one request per queue every {@code maxAge}. A broker that does not answer (down, no permission
 * to manage) gives NaN for every queue until the next sample, never an exception, and never a thread stuck longer
 * than {@code timeout} per queue.
 */
public class BrokerQueues {

  private static final Logger log = LoggerFactory.getLogger(BrokerQueues.class);

  private final ConnectionFactory connectionFactory;
  private final List<String> queues;
  private final Duration maxAge;
  private final Duration timeout;
  private final Clock clock;
  private final ReentrantLock sampling = new ReentrantLock();
  private volatile Sample sample = new Sample(Map.of(), Instant.EPOCH);

  private record Sample(Map<String, Double> depths, Instant takenAt) {}

  public BrokerQueues(ConnectionFactory connectionFactory, List<String> queues, Duration maxAge, Duration timeout,
      Clock clock) {
    this.connectionFactory = connectionFactory;
    this.queues = List.copyOf(queues);
    this.maxAge = maxAge;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Messages on the queue (scheduled and in-delivery ones included) as last sampled; NaN when unknown. */
  public double depth(String queue) {
    Sample current = sample;
    if (stale(current) && sampling.tryLock()) {
      // one thread samples; concurrent readers get the previous sample rather than waiting
      try {
        current = sample;
        if (stale(current)) {
          current = sampleNow();
          sample = current;
        }
      } finally {
        sampling.unlock();
      }
    }
    return current.depths().getOrDefault(queue, Double.NaN);
  }

  private boolean stale(Sample current) {
    return !current.takenAt().plus(maxAge).isAfter(clock.instant());
  }

  private Sample sampleNow() {
    Map<String, Double> depths = new HashMap<>();
    try (BrokerManagement broker = BrokerManagement.open(connectionFactory, timeout)) {
      for (String queue : queues) {
        try {
          depths.put(queue, ((Number) broker.attribute("queue." + queue, "messageCount")).doubleValue());
        } catch (BrokerManagement.Refused unknownQueue) {
          depths.put(queue, Double.NaN);
        }
      }
    } catch (BrokerManagement.NoAnswer late) {
      // the rest stay unknown until the next sample
      log.warn("Broker did not answer a queue depth request within {} ms", timeout.toMillis());
    } catch (Exception e) {
      log.debug("Queue depths unavailable ({})", e.getClass().getSimpleName());
    }
    return new Sample(Map.copyOf(depths), clock.instant());
  }

  /**
   * Removes from a queue every message whose JMS properties have these values (e.g. the dead-lettered copies of a
   * message that has been replayed); returns how many. Property names are fixed by the code; values are quoted.
   */
  public int remove(String queue, Map<String, ?> properties) throws JMSException {
    String selector = selector(properties);
    int removed = 0;
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
      connection.start();
      // Artemis' receiveNoWait asks the broker to deliver what matches now, so an empty answer means none left
      while (consumer.receiveNoWait() != null) {
        removed++;
      }
    }
    return removed;
  }

  /** A JMS selector matching every given property exactly: strings quoted (quotes doubled), numbers as they are. */
  static String selector(Map<String, ?> properties) {
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("no properties: would match every message");
    }
    StringBuilder selector = new StringBuilder();
    for (Map.Entry<String, ?> property : properties.entrySet()) {
      if (!property.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not a property name: " + property.getKey());
      }
      if (!selector.isEmpty()) {
        selector.append(" AND ");
      }
      Object value = property.getValue();
      selector.append(property.getKey()).append(" = ");
      if (value instanceof Long || value instanceof Integer) {
        selector.append(value);
      } else {
        selector.append('\'').append(String.valueOf(value).replace("'", "''")).append('\'');
      }
    }
    return selector.toString();
  }
}
