package org.referralbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.referralbridge.operations.BridgeMetrics.Flow;
import org.referralbridge.operations.BridgeMetrics.Outcome;

class BridgeMetricsTests {

  private static final Instant NOW = Instant.parse("2026-11-12T08:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BridgeMetrics metrics = new BridgeMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void everyFlowAndOutcomeIsRegisteredAtZeroFromTheStart() {
    assertThat(count("referral-processing", "dead_lettered")).isZero();
    assertThat(count("outbound-summary", "failed")).isZero();
    assertThat(registry.find(BridgeMetrics.MESSAGES).counters()).hasSize(3 + 9 + 5 + 5 + 5);
  }

  @Test
  void countsAreKeptPerFlowAndOutcome() {
    metrics.count(Flow.REFERRAL_INTAKE, Outcome.ACCEPTED);
    metrics.count(Flow.REFERRAL_INTAKE, Outcome.ACCEPTED);
    metrics.count(Flow.OUTBOUND_STATUS, Outcome.DELIVERED);
    assertThat(count("referral-intake", "accepted")).isEqualTo(2);
    assertThat(count("outbound-status", "delivered")).isEqualTo(1);
    assertThat(count("outbound-summary", "delivered")).isZero();
  }

  @Test
  void anOutcomeThatDoesNotBelongToTheFlowIsABug() {
    assertThatThrownBy(() -> metrics.count(Flow.REFERRAL_INTAKE, Outcome.DELIVERED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProcessedReferralRecordsItsTimeSinceReceipt() {
    metrics.referralProcessed(NOW.minus(Duration.ofMillis(1500)));
    metrics.referralProcessed(NOW.plusSeconds(5)); // a clock out of step: counted, no negative latency
    Timer latency = registry.find(BridgeMetrics.LATENCY).timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
    assertThat(count("referral-processing", "processed")).isEqualTo(2);
  }

  private double count(String flow, String outcome) {
    return registry.get(BridgeMetrics.MESSAGES).tag("flow", flow).tag("outcome", outcome).counter().count();
  }
}
