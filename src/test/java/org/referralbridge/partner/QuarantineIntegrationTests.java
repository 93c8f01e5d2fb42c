package org.referralbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code bridge.partners.unknown-senders=QUARANTINE}: a message from a sender no partner answers for is
 * acknowledged and held, not processed; approving the sender makes it a partner and releases its messages into
 * the pipeline; rejecting keeps them, unprocessed. (The default, REFUSE, is covered by the referral flow tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QuarantineIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("bridge.data-directory", () -> TestPorts.freshDataDirectory("quarantine").toString());
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.partners.unknown-senders", () -> "QUARANTINE");
  }

  @LocalServerPort
  int httpPort;

  @Autowired
  QuarantineStore quarantine;

  @Autowired
  PartnerAdmin admin;

  @Test
  void aHeldSendersMessagesAreProcessedOnceStaffApproveTheSender() throws Exception {
    String message = fromUnknownSender("NEWCLINIC_EHR", "NEW_CLINIC", "held1");
    assertThat(send(message)).contains("MSA|AA|CTL-held1");
    assertThat(quarantine.heldSenders()).extracting(r -> r.get("sender")).contains("NEWCLINIC_EHR^NEW_CLINIC");
    String system = FhirStoreQueries.referralSystem("NEWCLINIC_EHR", "NEW_CLINIC");
    FhirStoreQueries fhir = new FhirStoreQueries(httpPort);
    assertThat(fhir.count(ServiceRequest.class, system, "REF-held1")).isZero();

    int released = admin.approve(new PartnerAdmin.Approval("NEWCLINIC_EHR^NEW_CLINIC", "New Clinic",
        Partner.Channel.Kind.MLLP, "127.0.0.1:" + TestPorts.freePort(), Set.of(Partner.Format.RRI_I12)), "admin");

    assertThat(released).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "REF-held1")).isEqualTo(1));
    assertThat(send(fromUnknownSender("NEWCLINIC_EHR", "NEW_CLINIC", "held2"))).contains("MSA|AA|CTL-held2");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "REF-held2")).isEqualTo(1));
    assertThat(quarantine.heldSenders()).extracting(r -> r.get("sender")).doesNotContain("NEWCLINIC_EHR^NEW_CLINIC");
  }

  @Test
  void aRejectedSendersMessagesAreKeptAndNeverProcessed() throws Exception {
    assertThat(send(fromUnknownSender("SPAM_APP", "SPAM_FAC", "spam1"))).contains("MSA|AA|CTL-spam1");
    assertThat(admin.reject("SPAM_APP^SPAM_FAC", "admin")).isEqualTo(1);
    assertThat(quarantine.count(QuarantineStore.Status.REJECTED)).isGreaterThanOrEqualTo(1);
    assertThat(new FhirStoreQueries(httpPort).count(ServiceRequest.class,
        FhirStoreQueries.referralSystem("SPAM_APP", "SPAM_FAC"), "REF-spam1")).isZero();
  }

  private static String fromUnknownSender(String application, String facility, String suffix) {
    return Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix)
        .replace("|NORTHSIDE_EHR|NORTHSIDE_PSYCH|", "|" + application + "|" + facility + "|");
  }

  private static String send(String message) throws Exception {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      return client.send(message);
    } finally {
      client.close();
    }
  }
}
