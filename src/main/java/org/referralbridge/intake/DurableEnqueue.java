package org.referralbridge.intake;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.referralbridge.intake.IntakeRejection.AckCode;
import org.referralbridge.operations.BridgeMetrics;

/**
 * The durable hand-over of an accepted message (route {@code direct:enqueueReferral}), with a deadline: a broker
 * that does not confirm the persistent send in time (down, or its client stuck reconnecting) makes the sender get
 * AE 207 — "not stored, resend" — instead of a connection that hangs. If the send completes after the deadline,
 * the sender's resend is recognised as a duplicate downstream.
 */
public class DurableEnqueue {

  private final ProducerTemplate producer;
  private final Duration deadline;
  private final BridgeMetrics metrics;

  public DurableEnqueue(ProducerTemplate producer, Duration deadline, BridgeMetrics metrics) {
    this.producer = producer;
    this.deadline = deadline;
    this.metrics = metrics;
  }

  public void enqueue(Exchange exchange) throws InterruptedException {
    Exchange copy = exchange.copy();
    CompletableFuture<Exchange> sent = producer.asyncSend("direct:enqueueReferral", copy);
    try {
      Exchange result = sent.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (result.getException() != null) {
        throw notStored(result.getException());
      }
      metrics.count(BridgeMetrics.Flow.REFERRAL_INTAKE, BridgeMetrics.Outcome.ACCEPTED);
    } catch (TimeoutException e) {
      throw new IntakeRejection(AckCode.AE, 207, null,
          "message could not be stored within " + deadline.toSeconds() + " s, resend later", e);
    } catch (ExecutionException e) {
      throw notStored(e.getCause());
    }
  }

  private static IntakeRejection notStored(Throwable cause) {
    return new IntakeRejection(AckCode.AE, 207, null, "message could not be stored, resend later", cause);
  }
}
