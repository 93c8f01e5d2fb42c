package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: every referral is sent three times, the copies side by side on different connections (concurrent),
 * then a part of them a fourth time after they were processed.
 */
class DuplicateFloodIT extends FaultScenario {

  @Test
  void everyReferralSentThreeTimesIsStoredOnce() {
    ServiceProcess service = service("instance").start();
    List<ReferralStream.Item> referrals = referrals("dup", 100);
    List<ReferralStream.Item> copies = new ArrayList<>();
    for (ReferralStream.Item referral : referrals) {
      copies.add(referral);
      copies.add(referral);
      copies.add(referral);
    }
    List<ReferralStream.Outcome> outcomes = new ArrayList<>(
        new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 6).pace(Duration.ofMillis(20))
            .pipelineSometimes(5).stopIfGone(service::endedReason).send(copies));
    PostgresServer.sleep(5000);
    outcomes.addAll(new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 2)
        .pace(Duration.ofMillis(10)).stopIfGone(service::endedReason).send(referrals.subList(0, 40)));

    ScenarioAudit.Figures figures = audit("5 duplicate flood (x3, +1)", service)
        .audit(outcomes, FaultScenario::referralIdOf, "100 referrals x 3 concurrent copies, 40 sent a 4th time later");
    ScenarioAudit.assertNoLossNoDuplicate(figures);
    assertThat(figures.referrals()).isEqualTo(100);
    assertThat(figures.storedOnce()).isEqualTo(100);
  }
}
