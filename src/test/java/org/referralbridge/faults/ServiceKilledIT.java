package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario 1: the service is killed with SIGKILL in the middle of a stream, and started again. */
class ServiceKilledIT extends FaultScenario {

  @Test
  void killedMidStreamAndRestartedLosesAndDuplicatesNothing() {
    ServiceProcess service = service("instance").start();
    List<ReferralStream.Item> items = referrals("kill", 200);
    long[] restartSeconds = new long[1];

    List<ReferralStream.Outcome> outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 4)
        .pace(Duration.ofMillis(150)).pipelineSometimes(1)
        .whenAccepted(70, () -> {
          service.kill();
          PostgresServer.sleep(2000);
          service.start();
          restartSeconds[0] = service.lastStartup().toSeconds();
        })
        .send(items);

    ScenarioAudit.Figures figures = audit("1 service killed (kill -9)", service)
        .audit(outcomes, FaultScenario::referralIdOf, "killed after 70 AA, ready again in " + restartSeconds[0] + " s");
    ScenarioAudit.assertNoLossNoDuplicate(figures);
    assertThat(figures.aa()).as("every referral accepted in the end (senders resend)").isEqualTo(items.size());
  }
}
