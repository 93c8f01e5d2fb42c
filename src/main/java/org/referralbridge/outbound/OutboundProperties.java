package org.referralbridge.outbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of messages to partners (status notifications, summaries).
 *
 * @param queue the durable queue of messages to deliver
 * @param deadLetterQueue where messages go after the last failed attempt
 * @param consumers concurrent deliveries (one slow partner holds one at a time, never all: failed attempts are
 *     rescheduled on the broker, not waited for)
 * @param maxAttempts attempts before a message is dead-lettered
 * @param firstRetryDelay delay before the second attempt; doubled after each failure up to maxRetryDelay
 * @param maxRetryDelay the longest wait between attempts
 * @param ackTimeoutMillis how long to wait for a partner's answer (MLLP acknowledgement, HTTP response), in ms
 * @param relay the outbox relay, which queues messages recorded but not taken by the broker
 */
@Validated
@ConfigurationProperties("bridge.outbound")
public record OutboundProperties(@NotBlank @DefaultValue("notifications.outbound") String queue,
    @NotBlank @DefaultValue("notifications.dead-letter") String deadLetterQueue,
    @Min(1) @DefaultValue("4") int consumers, @Min(1) @DefaultValue("12") int maxAttempts,
    @DefaultValue("2s") Duration firstRetryDelay, @DefaultValue("10m") Duration maxRetryDelay,
    @Min(100) @DefaultValue("15000") int ackTimeoutMillis, @Valid @DefaultValue Relay relay) {

  /**
   * The outbox relay.
   *
   * @param interval how often it looks for messages to queue
   * @param grace how old a message must be before the relay queues it (younger ones are being queued after their
   *     commit)
   * @param batchSize messages read at a time
   */
  public record Relay(@DefaultValue("5s") Duration interval, @DefaultValue("30s") Duration grace,
      @Min(1) @DefaultValue("100") int batchSize) {}

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures. */
  public Duration retryDelay(int attempt) {
    long millis = firstRetryDelay.toMillis();
    for (int i = 1; i < attempt && millis < maxRetryDelay.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxRetryDelay.toMillis()));
  }
}
