package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: the broker container is stopped in the middle of a stream and started again on the same volume.
 * Messages acknowledged before the stop are in its journal; senders get AE while it is away and send again.
 */
class BrokerRestartIT extends FaultScenario {

  @Test
  void brokerStoppedMidStreamAndStartedAgainLosesAndDuplicatesNothing() {
    ServiceProcess service = service("instance").start();
    assertThat(broker.addressSettings("referrals.inbound"))
        .as("the service gave the external broker its queue settings")
        .contains("\"deadLetterAddress\":\"referrals.dead-letter\"").contains("\"maxDeliveryAttempts\":10");

    List<ReferralStream.Item> items = referrals("broker", 200);
    List<ReferralStream.Outcome> outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 4)
        .pace(Duration.ofMillis(150)).pipelineSometimes(2).stopIfGone(service::endedReason)
        .whenAccepted(70, () -> {
          broker.stop();
          PostgresServer.sleep(10_000);
          broker.startAgain();
        })
        .send(items);

    ScenarioAudit.Figures figures = audit("2 broker stopped, restarted", service)
        .audit(outcomes, FaultScenario::referralIdOf, "stopped after 70 AA for ~10 s + restart, same volume");
    ScenarioAudit.assertNoLossNoDuplicate(figures);
    assertThat(figures.aa()).isEqualTo(items.size());
    assertThat(figures.ae()).as("senders were told to resend while the broker was away").isPositive();
    assertThat(broker.addressSettings("referrals.inbound")).as("settings survive the restart")
        .contains("referrals.dead-letter");
  }
}
