package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirStoreQueries;

/**
 * Scenario 7: status notifications to a referrer whose MLLP endpoint is down for a while, then slow, then up.
 * Every notification is delivered exactly once (by control id), in order per referral.
 */
class OutboundDeliveryIT extends FaultScenario {

  private static final int REFERRALS = 30;

  @Test
  void notificationsToADownThenSlowReferrerArriveOnceAndInOrder() throws Exception {
    ServiceProcess service = service("instance")
        .with("BRIDGE_OUTBOUND_FIRST_RETRY_DELAY", "1s")
        .with("BRIDGE_OUTBOUND_MAX_RETRY_DELAY", "4s")
        .with("BRIDGE_OUTBOUND_ACK_TIMEOUT_MILLIS", "10000")
        .start();
    List<ReferralStream.Item> items = referrals("out", REFERRALS);
    List<ReferralStream.Outcome> outcomes = new ReferralStream(List.of(ReferralStream.local(service.mllpPort())), 2)
        .pace(Duration.ofMillis(10)).send(items);
    Map<String, String> taskByReferral = awaitTasks(service, items);

    // the referrer is down while staff accept, schedule and reschedule every referral
    StaffClient staff = new StaffClient(service.baseUrl()).signIn("admin", FhirStoreQueries.ADMIN_PASSWORD);
    Instant actionsStart = Instant.now();
    for (String taskId : taskByReferral.values()) {
      staff.act(taskId, "accept", Map.of());
      staff.act(taskId, "schedule", Map.of("scheduledFor", "2026-12-02T09:30"));
      staff.act(taskId, "schedule", Map.of("scheduledFor", "2026-12-03T14:00"));
    }
    int expected = 3 * REFERRALS;
    PostgresServer.sleep(Math.max(0, 15_000 - Duration.between(actionsStart, Instant.now()).toMillis()));

    try (FakeReferrerMllp referrer = new FakeReferrerMllp(referrerMllpPort)) {
      // then slow: every acknowledgement two seconds late
      referrer.delayAcknowledgements(Duration.ofSeconds(2));
      referrer.start();
      PostgresServer.sleep(15_000);
      int duringSlow = referrer.received().size();
      // then up
      referrer.delayAcknowledgements(Duration.ZERO);
      Map<String, List<String>> expectedOrder = awaitDelivered(expected, Duration.ofMinutes(4));
      PostgresServer.sleep(3000);

      List<String> received = referrer.received().stream()
          .map(m -> MshHeader.read(m).map(MshHeader::controlId).orElse("?")).toList();
      Map<String, Integer> copies = new HashMap<>();
      received.forEach(id -> copies.merge(id, 1, Integer::sum));
      int duplicates = (int) copies.values().stream().filter(n -> n > 1).count();
      int lost = (int) expectedOrder.values().stream().flatMap(List::stream).filter(id -> !copies.containsKey(id)).count();
      int outOfOrder = 0;
      for (List<String> order : expectedOrder.values()) {
        List<String> seen = received.stream().filter(order::contains).distinct().toList();
        if (!seen.equals(order)) {
          outOfOrder++;
        }
      }
      ScenarioAudit.Figures figures = new ScenarioAudit.Figures("7 outbound down/slow/up", REFERRALS,
          received.size(), (int) outcomes.stream().filter(o -> "AA".equals(o.ack())).count(), 0, 0, 0,
          expected - lost, duplicates, lost, outOfOrder, 0,
          expected + " notifications; " + duringSlow + " while slow; out of order: " + outOfOrder);
      ScenarioAudit.print(figures);
      assertThat(lost).as("notifications never delivered").isZero();
      assertThat(duplicates).as("notifications delivered twice").isZero();
      assertThat(outOfOrder).as("referrals whose notifications arrived out of order").isZero();
      assertThat(received).hasSize(expected);
    }
  }
}
