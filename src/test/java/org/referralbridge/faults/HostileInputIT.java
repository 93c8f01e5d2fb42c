package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: more than 10,000 generated malformed and hostile messages mixed with valid referrals, over eight
 * connections. Every valid referral lands once; every malformed one gets AR/AE and is kept; broken frames never
 * get AA; the service stays up with bounded memory.
 */
class HostileInputIT extends FaultScenario {

  @Test
  void hostileInputIsRefusedAndKeptWhileValidReferralsLandOnce() {
    ServiceProcess service = service("instance").start();
    List<HostileMessages.Generated> generated = new HostileMessages(20261121L).generate(10_200, 100, 10, 12);
    List<ReferralStream.Item> items = new ArrayList<>(generated.stream().map(HostileMessages.Generated::item).toList());
    items.addAll(referrals("plain", 100));
    java.util.Collections.shuffle(items, new java.util.Random(7));
    Map<ReferralStream.Item, HostileMessages.Generated> byItem = generated.stream()
        .collect(Collectors.toMap(HostileMessages.Generated::item, Function.identity()));

    long rssBefore = service.rssMib();
    AtomicLong rssPeak = new AtomicLong(rssBefore);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(() -> rssPeak.accumulateAndGet(service.rssMib(), Math::max), 1, 1, TimeUnit.SECONDS);
    List<ReferralStream.Outcome> outcomes;
    try {
      outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 8).pace(Duration.ZERO)
          .ackTimeout(Duration.ofSeconds(20)).send(items);
    } finally {
      sampler.shutdownNow();
    }

    ScenarioAudit.Figures figures = audit("6 hostile input (10,300)", service).audit(outcomes,
        FaultScenario::referralIdOf, "RSS " + rssBefore + " -> peak " + rssPeak.get() + " MiB");
    ScenarioAudit.assertNoLossNoDuplicate(figures);

    List<String> wronglyAccepted = new ArrayList<>();
    int naks = 0;
    for (ReferralStream.Outcome outcome : outcomes) {
      HostileMessages.Generated hostile = byItem.get(outcome.item());
      HostileMessages.Kind kind = hostile == null ? HostileMessages.Kind.HOSTILE_CONTENT : hostile.kind();
      switch (kind) {
        case MALFORMED -> {
          if (!"AR".equals(outcome.ack()) && !"AE".equals(outcome.ack())) {
            wronglyAccepted.add(hostile.name() + " -> " + outcome.ack());
          }
          naks++;
        }
        case BROKEN_FRAME -> {
          if ("AA".equals(outcome.ack())) {
            wronglyAccepted.add(hostile.name() + " -> AA");
          }
        }
        case HOSTILE_CONTENT -> assertThat(outcome.ack()).as("valid referral %s", outcome.item().id()).isEqualTo("AA");
      }
    }
    assertThat(wronglyAccepted).as("malformed messages not refused with AR/AE").isEmpty();
    assertThat(naks).isGreaterThanOrEqualTo(10_000);
    assertThat(figures.rejectedKept()).as("every refused message kept for inspection").isGreaterThanOrEqualTo(naks);
    assertThat(figures.storedOnce()).isEqualTo(200);
    assertThat(service.alive()).as("the service stayed up").isTrue();
    assertThat(rssPeak.get()).as("resident memory stayed bounded (MiB)").isLessThan(1536);
  }
}
