package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirStoreQueries;

/**
 * Scenario 9: staff change referrals' status while the broker is gone (killed), and the service is killed right
 * after, between the status change and the hand-over of its notification to the broker. Both come back; every
 * notification reaches the referrer, once: the change and its notification were committed together (the outbox),
 * and the relay hands what was not queued to the broker.
 */
class NotificationOutboxIT extends FaultScenario {

  private static final int REFERRALS = 20;

  @Test
  void statusChangesMadeWhileTheBrokerIsDeadAreNotifiedOnceAfterServiceAndBrokerWereKilled() throws Exception {
    ServiceProcess service = service("instance")
        .with("BRIDGE_OUTBOUND_FIRST_RETRY_DELAY", "1s")
        .with("BRIDGE_OUTBOUND_RELAY_INTERVAL", "2s")
        .with("BRIDGE_OUTBOUND_RELAY_GRACE", "2s")
        .start();
    List<ReferralStream.Item> items = referrals("outbox", REFERRALS);
    List<ReferralStream.Outcome> outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 2)
        .pace(Duration.ofMillis(10)).send(items);
    Map<String, String> taskByReferral = awaitTasks(service, items);

    try (FakeReferrerMllp referrer = new FakeReferrerMllp(referrerMllpPort).start()) {
      StaffClient staff = new StaffClient(service.baseUrl()).signIn("admin", FhirStoreQueries.ADMIN_PASSWORD);
      broker.kill();
      for (String taskId : taskByReferral.values()) {
        // the status change is the staff's: it must succeed with the broker gone
        staff.act(taskId, "accept", Map.of());
      }
      service.kill();
      broker.startAgain();
      service.start();

      Map<String, List<String>> notifications = awaitDelivered(REFERRALS, Duration.ofMinutes(4));
      List<String> received = referrer.received().stream()
          .map(m -> MshHeader.read(m).map(MshHeader::controlId).orElse("?")).toList();
      Map<String, Integer> copies = new HashMap<>();
      received.forEach(id -> copies.merge(id, 1, Integer::sum));
      int duplicates = (int) copies.values().stream().filter(n -> n > 1).count();
      int lost = (int) notifications.values().stream().flatMap(List::stream)
          .filter(id -> !copies.containsKey(id)).count();
      ScenarioAudit.print(new ScenarioAudit.Figures("9 outbox: broker + service killed", REFERRALS,
          received.size(), (int) outcomes.stream().filter(o -> "AA".equals(o.ack())).count(), 0, 0, 0,
          REFERRALS - lost, duplicates, lost, 0, 0, REFERRALS + " accepted with the broker dead, then service"
          + " killed; notifications received: " + received.size()));
      assertThat(notifications).as("one notification per status change").hasSize(REFERRALS);
      assertThat(lost).as("notifications never delivered").isZero();
      assertThat(duplicates).as("notifications delivered twice").isZero();
    }
  }
}
