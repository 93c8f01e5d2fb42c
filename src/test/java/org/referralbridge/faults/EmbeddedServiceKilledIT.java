package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;

/**
 * Scenario 8: the embedded default, as every new user runs it (the packaged jar on its own Artemis journal and H2
 * database under one data directory, no containers), killed with SIGKILL at random moments (5 kills in
 * 1,000 referrals in CI, 10 in 2,000 on request) of a stream of
 * referrals from pipelining, resending senders, and started again on the same data each time; once more after the
 * pipeline has finished. Every referral that got AA is then stored exactly once.
 */
class EmbeddedServiceKilledIT {

  /**
   * 2,000 referrals and 10 kills ran green here (21 min: each embedded start takes over a minute on this machine);
   * CI runs 1,000 and 5 to keep the whole run inside its time until start-up is faster (the performance issue).
   * Set BRIDGE_IT_EMBEDDED_REFERRALS and BRIDGE_IT_EMBEDDED_KILLS (or the system properties) for the long run.
   */
  private static final int REFERRALS = FaultSuiteSettings.number("bridge.it.embedded-referrals", 1000);
  private static final int KILLS = FaultSuiteSettings.number("bridge.it.embedded-kills", 5);
  private static final long SEED = 20261205L;

  @Test
  void killedRepeatedlyOnItsEmbeddedBrokerAndDatabaseLosesAndDuplicatesNothing() {
    String seed = TestPartners.seed(TestPorts.freshDataDirectory("faults-seed"), TestPorts.freePort(),
        TestPorts.freePort());
    try (ServiceProcess service = ServiceProcess.embedded("EmbeddedServiceKilledIT-instance", seed).start()) {
      Random random = new Random(SEED);
      List<Long> restarts = new CopyOnWriteArrayList<>();
      ReferralStream stream = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 4)
          .pace(Duration.ofMillis(40)).pipelineSometimes(SEED);
      TreeSet<Integer> killAt = new TreeSet<>();
      while (killAt.size() < KILLS) {
        killAt.add(50 + random.nextInt(REFERRALS - 100));
      }
      for (int accepted : killAt) {
        long pause = random.nextInt(1500);
        stream.whenAccepted(accepted, () -> {
          service.kill();
          PostgresServer.sleep(pause);
          service.start();
          restarts.add(service.lastStartup().toSeconds());
        });
      }
      List<ReferralStream.Outcome> outcomes = stream.send(FaultScenario.referrals("emb", REFERRALS));

      ServiceApiLedger ledger = new ServiceApiLedger(service);
      ScenarioAudit audit = new ScenarioAudit("8 embedded default, " + KILLS + " x kill -9", service.httpPort(),
          ledger);
      // everything finished; then one more kill: a commit that was only in a cache would be gone after it
      audit.awaitSettled(outcomes);
      service.kill();
      service.start();
      ScenarioAudit.Figures figures = audit.audit(outcomes, FaultScenario::referralIdOf, "killed at " + killAt
          + " AA and once after; restarts " + restarts + " s; " + stream.pipelinedSummary());
      ScenarioAudit.assertNoLossNoDuplicate(figures);
      assertThat(figures.aa()).as("every referral accepted in the end (senders resend)").isEqualTo(REFERRALS);
      assertThat(stream.mismatchedAcknowledgements()).as("pipelined messages acknowledged with another's id")
          .isZero();
    }
  }
}
