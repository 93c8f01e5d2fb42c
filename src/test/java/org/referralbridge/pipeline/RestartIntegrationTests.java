package org.referralbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.referralbridge.ReferralBridgeApplication;
import org.referralbridge.messages.InboundMessage;
import org.referralbridge.messages.InboundQuery;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.messages.Paging;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service stops after it acknowledged a referral but before it processed it; when it starts again on the same
 * data directory (broker journal, database), the referral is processed, exactly once.
 */
class RestartIntegrationTests {

  private final Path dataDirectory = TestPorts.freshDataDirectory("restart");
  private final int mllpPort = TestPorts.freePort();
  private final int httpPort = TestPorts.freePort();

  @Test
  void aReferralAcknowledgedBeforeAStopIsProcessedExactlyOnceAfterTheRestart() throws Exception {
    String message = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "restart1");
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");

    try (ConfigurableApplicationContext first = start(false)) {
      MllpSend client = new MllpSend("127.0.0.1", mllpPort, 30_000);
      try {
        assertThat(client.send(message)).contains("MSA|AA|CTL-restart1");
        assertThat(client.send(message)).contains("MSA|AA|CTL-restart1");
      } finally {
        client.close();
      }
      assertThat(new FhirStoreQueries(httpPort).count(ServiceRequest.class, system, "REF-restart1")).isZero();
    }

    try (ConfigurableApplicationContext second = start(true)) {
      FhirStoreQueries fhir = new FhirStoreQueries(httpPort);
      MessageStore messages = second.getBean(MessageStore.class);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(messages.inbound(InboundQuery.withStatus(MessageStatus.PROCESSED), Paging.first(100)).items())
              .extracting(InboundMessage::controlId)
              .contains("CTL-restart1"));
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(fhir.count(ServiceRequest.class, system, "REF-restart1")).isEqualTo(1));
      assertThat(fhir.count(Task.class, system, "REF-restart1")).isEqualTo(1);
      assertThat(messages.inbound(InboundQuery.any(), Paging.first(100)).items())
          .filteredOn(r -> "CTL-restart1".equals(r.controlId()))
          .hasSize(1);
    }
  }

  private ConfigurableApplicationContext start(boolean processing) {
    return new SpringApplicationBuilder(ReferralBridgeApplication.class).run(
        "--bridge.data-directory=" + dataDirectory,
        "--bridge.intake.mllp.port=" + mllpPort,
        "--server.port=" + httpPort,
        "--bridge.processing.auto-startup=" + processing,
        "--camel.springboot.main-run-controller=false");
  }
}
