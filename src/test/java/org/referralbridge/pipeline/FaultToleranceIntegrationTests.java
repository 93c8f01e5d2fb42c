package org.referralbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.referralbridge.messages.InboundMessage;
import org.referralbridge.messages.InboundQuery;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.messages.Paging;
import org.referralbridge.messages.RejectedMessage;
import org.referralbridge.messages.RejectedQuery;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.ProxiedParts;
import org.referralbridge.support.TcpProxy;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Failure paths with real parts: the service writes to its FHIR store over HTTP and talks to its broker over TCP,
 * each through a {@link TcpProxy} on 127.0.0.1 that the test cuts and restores. Nothing is mocked: the store is
 * the embedded HAPI JPA server behind its own REST API, the broker the embedded Artemis behind a TCP acceptor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FaultToleranceIntegrationTests {

  private static final ProxiedParts PARTS = new ProxiedParts();
  private static final int MLLP_PORT = PARTS.mllpPort();
  private static final int HTTP_PORT = PARTS.httpPort();
  private static final TcpProxy STORE = PARTS.store();
  private static final TcpProxy BROKER = PARTS.broker();
  private static final String SYSTEM = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
  private static final AtomicInteger PROBES = new AtomicInteger();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PARTS.register(registry, "faults");
    // retries: 0.5 s, 1 s, 2 s, 2 s, 2 s, then the dead-letter queue
    registry.add("bridge.processing.max-redeliveries", () -> 5);
    registry.add("bridge.processing.redelivery-delay", () -> 500);
    registry.add("bridge.processing.max-redelivery-delay", () -> 2000);
  }

  @Autowired
  MessageStore messageStore;

  @Autowired
  ConnectionFactory connectionFactory;

  @AfterEach
  void restoreEverything() throws IOException {
    STORE.stop();
    BROKER.stop();
    STORE.start();
    BROKER.start();
    // the cut broke the service's broker connection: the next test starts once intake has reconnected (until then
    // a sender gets AE 207 and resends, as this probe does), not on the first message after the cut
    String probe = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "restored" + PROBES.incrementAndGet());
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> send(probe).contains("MSA|AA|"));
  }

  @Test
  void whileTheFhirStoreIsDownAReferralIsRetriedAndWrittenOnceItIsBack(CapturedOutput output) throws Exception {
    STORE.stop();
    String message = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "down1");
    assertThat(send(message)).contains("MSA|AA|CTL-down1");
    await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("On delivery attempt: 1"));
    STORE.start();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(processed("CTL-down1")).isTrue());
    assertThat(directStore().count(ServiceRequest.class, SYSTEM, "REF-down1")).isEqualTo(1);
  }

  @Test
  void whenTheFhirStoreStaysDownTheReferralIsDeadLetteredNotLost() throws Exception {
    STORE.stop();
    String message = Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "dlq1");
    assertThat(send(message)).contains("MSA|AA|CTL-dlq1");
    await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(inbound(MessageStatus.DEAD_LETTERED)).extracting(InboundMessage::controlId)
            .contains("CTL-dlq1"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(deadLetterQueue()).contains("CTL-dlq1"));
    assertThat(directStore().count(ServiceRequest.class, SYSTEM, "REF-dlq1")).isZero();
  }

  @Test
  void whenTheBrokerCannotStoreTheMessageNoAcceptAckIsSentAndTheMessageIsKept() throws Exception {
    BROKER.stop();
    String message = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "nobroker1");
    String nak = send(message);
    assertThat(nak).doesNotContain("MSA|AA").contains("MSA|AE|CTL-nobroker1").contains("|207^");
    assertThat(messageStore.rejected(RejectedQuery.any(), Paging.first(100)).items())
        .extracting(RejectedMessage::controlId).contains("CTL-nobroker1");

    BROKER.start();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(send(Hl7Samples.withControlId(message, "CTL-nobroker1-resent"))).contains("MSA|AA|"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(processed("CTL-nobroker1-resent")).isTrue());
    assertThat(directStore().count(ServiceRequest.class, SYSTEM, "REF-nobroker1")).isEqualTo(1);
  }

  /** Control ids of the messages on the dead-letter queue, read with a JMS queue browser. */
  private List<String> deadLetterQueue() {
    return new JmsTemplate(connectionFactory).browse("referrals.dead-letter", (session, browser) -> {
      List<String> ids = new ArrayList<>();
      for (Object m : Collections.list(browser.getEnumeration())) {
        ids.add(((Message) m).getStringProperty(EnvelopeHeaders.CONTROL_ID));
      }
      return ids;
    });
  }

  private boolean processed(String controlId) {
    return inbound(MessageStatus.PROCESSED).stream().anyMatch(row -> controlId.equals(row.controlId()));
  }

  private List<InboundMessage> inbound(MessageStatus status) {
    return messageStore.inbound(InboundQuery.withStatus(status), Paging.first(Paging.MAX_SIZE)).items();
  }

  /** The FHIR store read directly on its own port, not through the proxy the service uses. */
  private static FhirStoreQueries directStore() {
    return new FhirStoreQueries(HTTP_PORT);
  }

  private static String send(String message) throws IOException {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      return client.send(message);
    } finally {
      client.close();
    }
  }
}
