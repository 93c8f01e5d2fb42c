package org.referralbridge.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service's own meters, recorded in one place: messages per flow and outcome, and the time from receipt at
 * intake to the referral written in the FHIR store. Tags take values from the enums below only (no sender, no
 * control id, nothing from a message), so the meters carry no PHI and their number stays fixed.
 *
 * <p>In Prometheus' format: {@code bridge_messages_total{flow="referral-processing",outcome="processed"}} and
 * {@code bridge_referral_latency_seconds_bucket{le="..."}} (with {@code _count}, {@code _sum}, {@code _max}).
 */
public class BridgeMetrics {

  /** The counter of messages, tagged flow and outcome. */
  public static final String MESSAGES = "bridge.messages";
  /** The end-to-end latency of a referral: from received at intake to written to the FHIR store. */
  public static final String LATENCY = "bridge.referral.latency";

  /** Where a message is. */
  public enum Flow {
    /** Referrals arriving over MLLP, up to the acknowledgement. */
    REFERRAL_INTAKE(EnumSet.of(Outcome.ACCEPTED, Outcome.QUARANTINED, Outcome.REJECTED)),
    /** Accepted referrals taken from the inbound queue and written to the FHIR store. */
    REFERRAL_PROCESSING(EnumSet.of(Outcome.PROCESSED, Outcome.DOWNGRADED, Outcome.DUPLICATE,
        Outcome.CONTROL_ID_REUSED, Outcome.NEEDS_ATTENTION, Outcome.WAITING_FOR_REFERRAL, Outcome.NO_OPEN_REFERRAL,
        Outcome.DEAD_LETTERED, Outcome.REPLAYED)),
    /** Status notifications to referrers. */
    OUTBOUND_STATUS(EnumSet.of(Outcome.DELIVERED, Outcome.RETRYING, Outcome.FAILED, Outcome.NO_CHANNEL,
        Outcome.REPLAYED)),
    /** Infusion summaries to referrers. */
    OUTBOUND_SUMMARY(EnumSet.of(Outcome.DELIVERED, Outcome.RETRYING, Outcome.FAILED, Outcome.NO_CHANNEL,
        Outcome.REPLAYED)),
    /** Application acknowledgements of referrers' results and documents (enhanced mode). */
    OUTBOUND_ACKNOWLEDGEMENT(EnumSet.of(Outcome.DELIVERED, Outcome.RETRYING, Outcome.FAILED, Outcome.NO_CHANNEL,
        Outcome.REPLAYED));

    private final Set<Outcome> outcomes;

    Flow(Set<Outcome> outcomes) {
      this.outcomes = outcomes;
    }

    /** The tag value, e.g. "referral-processing". */
    public String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What happened to it. */
  public enum Outcome {
    /** Stored on the inbound queue and acknowledged (AA). */
    ACCEPTED,
    /** From an unknown sender, held in quarantine and acknowledged. */
    QUARANTINED,
    /** Refused with a NAK (AR or AE), kept with the rejected messages. */
    REJECTED,
    /** Written to the FHIR store. */
    PROCESSED,
    /** Written with data-quality notes: some optional values were kept as text or left out. */
    DOWNGRADED,
    /** A copy of a message already processed (same sender, control id and content): nothing written. */
    DUPLICATE,
    /** A new message under a control id its sender used before for other content: processed as new. */
    CONTROL_ID_REUSED,
    /** Not translatable, not valid, or refused by the store: waiting for a person. */
    NEEDS_ATTENTION,
    /** A cancellation or status request for a referral not written yet: held until it is. */
    WAITING_FOR_REFERRAL,
    /** Results from a referrer for a patient with no open referral from them: kept for staff. */
    NO_OPEN_REFERRAL,
    /** Failed after every retry: on the dead-letter queue. */
    DEAD_LETTERED,
    /** Put back on its queue by an operator. */
    REPLAYED,
    /** Acknowledged by the partner. */
    DELIVERED,
    /** An attempt failed; another is scheduled. */
    RETRYING,
    /** Every attempt failed: on the outbound dead-letter queue. */
    FAILED,
    /** The partner has no channel for it: nothing sent. */
    NO_CHANNEL;

    /** The tag value, e.g. "dead_lettered". */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Flow, Map<Outcome, Counter>> counters = new EnumMap<>(Flow.class);
  private final Timer latency;
  private final Clock clock;

  public BridgeMetrics(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    // every valid pair is registered up front, so a dashboard sees 0 rather than no series at all
    for (Flow flow : Flow.values()) {
      Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
      for (Outcome outcome : flow.outcomes) {
        byOutcome.put(outcome, Counter.builder(MESSAGES)
            .description("Messages by flow and outcome")
            .tag("flow", flow.tag()).tag("outcome", outcome.tag())
            .register(registry));
      }
      counters.put(flow, byOutcome);
    }
    latency = Timer.builder(LATENCY)
        .description("From receipt at intake to the referral written to the FHIR store (replays included)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
  }

  /** Meters that go nowhere: for code run outside the application (tests, tools). */
  public static BridgeMetrics unregistered() {
    return new BridgeMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
  }

  /** Counts one message of this flow with this outcome. */
  public void count(Flow flow, Outcome outcome) {
    Counter counter = counters.get(flow).get(outcome);
    if (counter == null) {
      throw new IllegalArgumentException("no outcome " + outcome + " in flow " + flow);
    }
    counter.increment();
  }

  /** A referral written to the FHIR store: counted, and its time since receipt recorded. */
  public void referralProcessed(Instant receivedAt) {
    count(Flow.REFERRAL_PROCESSING, Outcome.PROCESSED);
    if (receivedAt != null) {
      Duration elapsed = Duration.between(receivedAt, clock.instant());
      if (!elapsed.isNegative()) {
        latency.record(elapsed);
      }
    }
  }
}
