package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
          .ackTimeout(Duration.ofSeconds(20)).pipelineSometimes(6)
          .stopIfGone(service::endedReason)
          .send(items);
    } finally {
      sampler.shutdownNow();
    }

    ScenarioAudit.Figures figures = audit("6 hostile input (10,300)", service).audit(outcomes,
        FaultScenario::referralIdOf, "RSS " + rssBefore + " -> peak " + rssPeak.get() + " MiB");
    // every check is made and reported together, with the tally, so one failed run says all that went wrong
    List<String> problems = new ArrayList<>();
    Map<String, Integer> tally = new TreeMap<>();
    int naks = 0;
    for (ReferralStream.Outcome outcome : outcomes) {
      HostileMessages.Generated hostile = byItem.get(outcome.item());
      HostileMessages.Kind kind = hostile == null ? HostileMessages.Kind.HOSTILE_CONTENT : hostile.kind();
      String name = hostile == null ? outcome.item().id() : hostile.name() + " (" + outcome.item().id() + ")";
      tally.merge(kind + " -> " + outcome.ack(), 1, Integer::sum);
      switch (kind) {
        case MALFORMED -> {
          if ("AR".equals(outcome.ack()) || "AE".equals(outcome.ack())) {
            naks++;
          } else {
            problems.add("malformed " + name + " got " + outcome.ack() + ", not AR/AE");
          }
        }
        case BROKEN_FRAME -> {
          if ("AA".equals(outcome.ack())) {
            problems.add("broken frame " + name + " got AA");
          }
        }
        case HOSTILE_CONTENT -> {
          if (!"AA".equals(outcome.ack())) {
            problems.add("valid referral " + name + " got " + outcome.ack() + " after " + outcome.attempts()
                + " sends");
          }
        }
      }
    }
    check(problems, figures.lost() == 0, figures.lost() + " accepted referrals missing from the FHIR store");
    check(problems, figures.duplicates() == 0, figures.duplicates() + " referrals stored more than once");
    check(problems, figures.stuck() == 0, figures.stuck() + " accepted messages not finished");
    check(problems, naks >= 10_000, "only " + naks + " malformed messages got AR/AE");
    check(problems, figures.rejectedKept() >= naks,
        "only " + figures.rejectedKept() + " refused messages kept for inspection, " + naks + " refused");
    check(problems, figures.storedOnce() == 200, figures.storedOnce() + " referrals stored once, not 200");
    check(problems, service.alive(), "the service did not stay up");
    check(problems, rssPeak.get() < 1536, "resident memory peaked at " + rssPeak.get() + " MiB (limit 1536)");
    assertThat(problems.subList(0, Math.min(25, problems.size())))
        .as("scenario 6, %d problems (the first 25 shown); outcomes by kind: %s", problems.size(), tally).isEmpty();
  }

  private static void check(List<String> problems, boolean holds, String problem) {
    if (!holds) {
      problems.add(problem);
    }
  }
}
