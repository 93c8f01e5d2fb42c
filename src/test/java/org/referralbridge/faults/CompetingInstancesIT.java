package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: two instances of the service on one broker and one database consume at once (competing consumers);
 * one is killed with SIGKILL mid-stream. Its senders fail over to the other; its in-flight messages roll back to
 * the broker and are processed by the survivor.
 */
class CompetingInstancesIT extends FaultScenario {

  @Test
  void twoInstancesOneKilledLoseAndDuplicateNothing() {
    ServiceProcess first = service("first").start();
    ServiceProcess second = service("second").start();
    List<ReferralStream.Item> items = referrals("pair", 200);
    List<ReferralStream.Outcome> outcomes = new ReferralStream(
        List.of(ReferralStream.local(first.mllpPort()), ReferralStream.local(second.mllpPort())), 4)
        .pace(Duration.ofMillis(100)).pipelineSometimes(4)
        .whenAccepted(80, second::kill)
        .send(items);

    ScenarioAudit.Figures figures = audit("4 two instances, one killed", first)
        .audit(outcomes, FaultScenario::referralIdOf, "second instance killed after 80 AA; senders failed over");
    ScenarioAudit.assertNoLossNoDuplicate(figures);
    assertThat(figures.aa()).isEqualTo(items.size());
    assertThat(first.alive()).isTrue();
  }
}
