package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the database (FHIR store and message store) is unavailable for 40 s in the middle of a stream.
 * Intake needs only the broker, so senders keep getting AA; processing retries until the database is back.
 */
class DatabaseOutageIT extends FaultScenario {

  @Test
  void databaseAwayFortySecondsLosesAndDuplicatesNothing() {
    ServiceProcess service = service("instance").start();
    List<ReferralStream.Item> items = referrals("db", 200);
    List<ReferralStream.Outcome> outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 4)
        .pace(Duration.ofMillis(150)).pipelineSometimes(3).stopIfGone(service::endedReason)
        .whenAccepted(60, () -> {
          postgres().stopServer();
          PostgresServer.sleep(40_000);
          postgres().resume();
        })
        .send(items);

    ScenarioAudit.Figures figures = audit("3 database away 40 s", service)
        .audit(outcomes, FaultScenario::referralIdOf, "PostgreSQL stopped after 60 AA, started 40 s later");
    ScenarioAudit.assertNoLossNoDuplicate(figures);
    assertThat(figures.aa()).isEqualTo(items.size());
    assertThat(service.alive()).isTrue();
  }
}
