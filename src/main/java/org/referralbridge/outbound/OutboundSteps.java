package org.referralbridge.outbound;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.referralbridge.operations.BridgeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the delivery route: decide what to do with a message taken from the outbound queue, record the
 * outcome of an attempt, and schedule the next one with backoff (on the broker, so no thread waits for a slow
 * partner). Logs carry ids and outcomes only.
 */
public class OutboundSteps {

  /** SEND, SKIP (already delivered or failed), WAIT (an earlier message of the referral is pending), DEAD. */
  public static final String ACTION = "BridgeOutboundAction";
  public static final String CHANNEL = "BridgeOutboundChannel";
  public static final String MLLP_HOST = "BridgeMllpHost";
  public static final String MLLP_PORT = "BridgeMllpPort";
  public static final String FHIR_BASE = "BridgeFhirBase";
  /** Artemis' scheduled-delivery property: the broker holds the message until then. */
  public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

  private static final Logger log = LoggerFactory.getLogger(OutboundSteps.class);

  private final OutboundStore store;
  private final OutboundProperties properties;
  private final BridgeMetrics metrics;

  public OutboundSteps(OutboundStore store, OutboundProperties properties, BridgeMetrics metrics) {
    this.store = store;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** The metrics flow of a kind of message. */
  static BridgeMetrics.Flow flow(OutboundMessage.Kind kind) {
    return switch (kind) {
      case SUMMARY -> BridgeMetrics.Flow.OUTBOUND_SUMMARY;
      case ACKNOWLEDGEMENT -> BridgeMetrics.Flow.OUTBOUND_ACKNOWLEDGEMENT;
      case STATUS -> BridgeMetrics.Flow.OUTBOUND_STATUS;
    };
  }

  /** Loads the message; returns its content as the body and sets where it goes. */
  public String prepare(@Header(OutboundQueue.ID) long id, @Headers Map<String, Object> headers) {
    headers.remove(SCHEDULED_DELIVERY);
    OutboundMessage message = store.find(id).orElse(null);
    if (message == null || message.status() == OutboundStatus.DELIVERED || message.status() == OutboundStatus.FAILED
        || message.status() == OutboundStatus.NO_CHANNEL) {
      headers.put(ACTION, "SKIP");
      return "";
    }
    if (store.earlierUndelivered(message)) {
      headers.put(ACTION, "WAIT");
      headers.put(SCHEDULED_DELIVERY, System.currentTimeMillis() + properties.firstRetryDelay().toMillis());
      return "";
    }
    headers.put(ACTION, "SEND");
    headers.put(CHANNEL, message.channel());
    if ("MLLP".equals(message.channel())) {
      String address = message.address();
      headers.put(MLLP_HOST, address.substring(0, address.lastIndexOf(':')));
      headers.put(MLLP_PORT, address.substring(address.lastIndexOf(':') + 1));
    } else {
      headers.put(FHIR_BASE, message.address());
    }
    return message.content();
  }

  public void delivered(@Header(OutboundQueue.ID) long id) {
    store.delivered(id);
    store.find(id).ifPresent(message -> metrics.count(flow(message.kind()), BridgeMetrics.Outcome.DELIVERED));
    log.info("Outbound {}: delivered", id);
  }

  /** Records a failed attempt; schedules the next one, or marks the message DEAD after the last. */
  public void failed(@Header(OutboundQueue.ID) long id, @Headers Map<String, Object> headers,
      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    String error = cause == null ? "unknown" : cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
    OutboundMessage message = store.find(id).orElseThrow();
    boolean last = message.attempts() + 1 >= properties.maxAttempts();
    int attempts = store.failed(id, last ? OutboundStatus.FAILED : OutboundStatus.RETRYING, error);
    metrics.count(flow(message.kind()), last ? BridgeMetrics.Outcome.FAILED : BridgeMetrics.Outcome.RETRYING);
    if (last) {
      headers.put(ACTION, "DEAD");
      log.error("Outbound {}: failed after {} attempts, dead-lettered ({})", id, attempts,
          cause == null ? "unknown" : cause.getClass().getSimpleName());
    } else {
      headers.put(ACTION, "RETRY");
      long delay = properties.retryDelay(attempts).toMillis();
      headers.put(SCHEDULED_DELIVERY, System.currentTimeMillis() + delay);
      log.warn("Outbound {}: attempt {} failed ({}), next in {} ms", id, attempts,
          cause == null ? "unknown" : cause.getClass().getSimpleName(), delay);
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
