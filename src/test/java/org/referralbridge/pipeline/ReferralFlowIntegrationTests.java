package org.referralbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsEndpoint;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
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
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service as it runs by default: real MLLP socket on 127.0.0.1, the embedded Artemis broker with its
 * persistent journal, the routes from ./routes, the embedded HAPI FHIR JPA store read back over its REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ReferralFlowIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final Duration PROCESSED_WITHIN = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("bridge.data-directory", () -> TestPorts.freshDataDirectory("flow").toString());
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
  }

  @LocalServerPort
  int httpPort;

  @Autowired
  CamelContext camel;

  @Autowired
  MessageStore messageStore;

  @Autowired
  SimpleAsyncTaskExecutor processingThreads;

  FhirStoreQueries fhir;

  @BeforeEach
  void setUp() {
    fhir = new FhirStoreQueries(httpPort);
  }

  @Test
  void routesFromTheRoutesFolderAreAllStarted() {
    assertThat(camel.getRoutes()).extracting(r -> r.getRouteId())
        .contains("receiveReferral", "processReferral", "deadLetterReferral");
    assertThat(camel.getRouteController().getRouteStatus("receiveReferral")).isEqualTo(ServiceStatus.Started);
    assertThat(camel.getRouteController().getRouteStatus("processReferral")).isEqualTo(ServiceStatus.Started);
  }

  @Test
  void processingConsumersRunOnThreadsOfTheLowestPriorityAndMllpOnesDoNot() throws Exception {
    JmsEndpoint inbound = (JmsEndpoint) camel.getRoute("processReferral").getEndpoint();
    assertThat(inbound.getTaskExecutor()).isSameAs(processingThreads);
    List<Thread> consumers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("processing-")).toList();
    assertThat(consumers).hasSizeGreaterThanOrEqualTo(1).allSatisfy(t ->
        assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY));
    // an MLLP thread (the one that answers this referral) keeps the normal priority
    try (Client client = new Client()) {
      assertThat(client.send(Hl7Samples.read(Hl7Samples.REF_I12_V29))).contains("MSA|AA|");
      assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("mllp"))
          .isNotEmpty().allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(Thread.NORM_PRIORITY));
    }
  }

  @Test
  void everySampleReferralIsAcknowledgedAndStoredAsServiceRequestTaskAndPatient() throws Exception {
    String[] samples = {Hl7Samples.TRD_PHQ9, Hl7Samples.PTSD_PCL5, Hl7Samples.REF_I11_V23,
        Hl7Samples.INSURANCE_AUTH, Hl7Samples.REF_I12_V29};
    try (Client client = new Client()) {
      for (String sample : samples) {
        assertThat(client.send(Hl7Samples.read(sample))).contains("MSA|AA|");
      }
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "NSP-REF-2026-0117")).isEqualTo(1));
    await().atMost(PROCESSED_WITHIN).untilAsserted(() -> {
      assertThat(fhir.count(ServiceRequest.class,
          FhirStoreQueries.referralSystem("SUMMITFP", "SUMMIT_FAMILY_PRACTICE"), "SFP-7741")).isEqualTo(1);
      assertThat(fhir.count(ServiceRequest.class,
          FhirStoreQueries.referralSystem("HARBORVIEW_CARE", "HARBORVIEW_PSYCHIATRY"), "HVP-REF-4410")).isEqualTo(1);
      assertThat(fhir.count(ServiceRequest.class,
          FhirStoreQueries.referralSystem("RIVERBEND_EMR", "RIVERBEND_TRAUMA"), "RBT-REF-88102")).isEqualTo(1);
      assertThat(fhir.count(ServiceRequest.class,
          FhirStoreQueries.referralSystem("CASCADE_BH", "CASCADE_BEHAVIORAL_HEALTH"), "CBH-R-2026-3390")).isEqualTo(1);
    });

    ServiceRequest request = (ServiceRequest) fhir.search(ServiceRequest.class, system, "NSP-REF-2026-0117")
        .getEntryFirstRep().getResource();
    assertThat(request.getMeta().getProfile()).extracting(p -> p.getValue())
        .contains("http://referralbridge.org/fhir/StructureDefinition/referral-servicerequest");
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(request.getSubject().getReference()).startsWith("Patient/");
    assertThat(request.getRequester().getReference()).startsWith("PractitionerRole/");
    assertThat(request.getReasonReference()).hasSize(2);
    assertThat(request.getSupportingInfo()).extracting(r -> r.getReference())
        .anyMatch(r -> r.startsWith("DocumentReference/")).anyMatch(r -> r.startsWith("Observation/"));

    Bundle tasks = fhir.search(Task.class, system, "NSP-REF-2026-0117");
    assertThat(tasks.getTotal()).isEqualTo(1);
    Task task = (Task) tasks.getEntryFirstRep().getResource();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("2.0");
    assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/" + request.getIdElement().getIdPart());

    Bundle phq9 = fhir.client().search().forResource(Observation.class)
        .where(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
        .and(Observation.SUBJECT.hasId(request.getSubject().getReference()))
        .returnBundle(Bundle.class).execute();
    assertThat(phq9.getEntry()).hasSize(1);
    assertThat(((Observation) phq9.getEntryFirstRep().getResource()).getValueQuantity().getValue())
        .isEqualByComparingTo("21");
    Bundle original = fhir.search(DocumentReference.class, FhirStoreQueries.IDENTIFIER_BASE
        + "/sender/NORTHSIDE_EHR/NORTHSIDE_PSYCH/message-control-id", "NSP000117");
    assertThat(original.getTotal()).isEqualTo(1);
  }

  @Test
  void aResentMessageOrANewMessageForTheSameReferralNeverMakesASecondServiceRequest() throws Exception {
    String message = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "seq1");
    try (Client client = new Client()) {
      assertThat(client.send(message)).contains("MSA|AA|CTL-seq1");
      assertThat(client.send(message)).contains("MSA|AA|CTL-seq1");
      assertThat(client.send(Hl7Samples.withControlId(message, "CTL-seq1-resent"))).contains("MSA|AA|CTL-seq1-resent");
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(inbound(MessageStatus.PROCESSED))
            .filteredOn(row -> row.controlId().startsWith("CTL-seq1")).hasSize(2));
    assertThat(fhir.count(ServiceRequest.class, system, "REF-seq1")).isEqualTo(1);
    assertThat(fhir.count(Task.class, system, "REF-seq1")).isEqualTo(1);
    assertThat(fhir.count(Patient.class, FhirStoreQueries.IDENTIFIER_BASE + "/aa/NORTHSIDE_PSYCH", "MRN-seq1"))
        .isEqualTo(1);
  }

  @Test
  void aNewReferralUnderAReusedControlIdIsProcessedAndAResendStampedAnewIsNot(CapturedOutput output)
      throws Exception {
    // a sender whose counter was reset: a new referral for another patient under the first one's control id
    String first = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "reuse1");
    String resentLater = Hl7Samples.replaceField(first, "MSH", 7, "20261206235959");
    String reuse = Hl7Samples.withControlId(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "reuse2"), "CTL-reuse1");
    try (Client client = new Client()) {
      assertThat(client.send(first)).contains("MSA|AA|CTL-reuse1");
      await().atMost(PROCESSED_WITHIN).untilAsserted(() -> assertThat(reuse1Rows()).hasSize(1));
      assertThat(client.send(resentLater)).contains("MSA|AA|CTL-reuse1");
      assertThat(client.send(reuse)).contains("MSA|AA|CTL-reuse1");
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "REF-reuse2")).isEqualTo(1));
    await().atMost(PROCESSED_WITHIN).untilAsserted(() -> assertThat(output.getOut())
        .contains("Message CTL-reuse1 from NORTHSIDE_EHR^NORTHSIDE_PSYCH: duplicate of a processed message"));
    assertThat(fhir.count(ServiceRequest.class, system, "REF-reuse1")).isEqualTo(1);
    assertThat(fhir.count(Patient.class, FhirStoreQueries.IDENTIFIER_BASE + "/aa/NORTHSIDE_PSYCH", "MRN-reuse2"))
        .isEqualTo(1);
    assertThat(reuse1Rows()).extracting(InboundMessage::referralKey).containsExactlyInAnyOrder(
        "NORTHSIDE_EHR^NORTHSIDE_PSYCH|REF-reuse1", "NORTHSIDE_EHR^NORTHSIDE_PSYCH|REF-reuse2");
    assertThat(output.getOut()).contains("Message CTL-reuse1 from NORTHSIDE_EHR^NORTHSIDE_PSYCH: control id used"
        + " before for another message; processed as a new message");

    // each referral keeps its own original message, although both carry control id CTL-reuse1
    Bundle originals = fhir.search(DocumentReference.class, FhirStoreQueries.IDENTIFIER_BASE
        + "/sender/NORTHSIDE_EHR/NORTHSIDE_PSYCH/message-control-id", "CTL-reuse1");
    assertThat(originals.getTotal()).isEqualTo(2);
    ServiceRequest second = (ServiceRequest) fhir.search(ServiceRequest.class, system, "REF-reuse2")
        .getEntryFirstRep().getResource();
    String secondOriginal = second.getSupportingInfo().stream().map(r -> r.getReference())
        .filter(r -> r.startsWith("DocumentReference/")).findFirst().orElseThrow();
    DocumentReference document = fhir.client().read().resource(DocumentReference.class).withUrl(secondOriginal)
        .execute();
    assertThat(new String(document.getContentFirstRep().getAttachment().getData(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("REF-reuse2").doesNotContain("REF-reuse1");
  }

  private List<InboundMessage> reuse1Rows() {
    return inbound(MessageStatus.PROCESSED).stream().filter(row -> row.controlId().equals("CTL-reuse1")).toList();
  }

  @Test
  void copiesArrivingConcurrentlyOnManyConnectionsMakeOneServiceRequestAndOnePatient() throws Exception {
    String message = Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "conc1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> acks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String copy = i % 2 == 0 ? message : Hl7Samples.withControlId(message, "CTL-conc1-" + i);
        Callable<String> send = () -> {
          try (Client client = new Client()) {
            return client.send(copy);
          }
        };
        acks.add(pool.submit(send));
      }
      for (Future<String> ack : acks) {
        assertThat(ack.get()).contains("MSA|AA|");
      }
    } finally {
      pool.shutdownNow();
    }
    String system = FhirStoreQueries.referralSystem("RIVERBEND_EMR", "RIVERBEND_TRAUMA");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(inbound(MessageStatus.PROCESSED))
            .filteredOn(row -> row.controlId().startsWith("CTL-conc1")).hasSize(9));
    assertThat(fhir.count(ServiceRequest.class, system, "REF-conc1")).isEqualTo(1);
    assertThat(fhir.count(Task.class, system, "REF-conc1")).isEqualTo(1);
    assertThat(fhir.count(Patient.class, FhirStoreQueries.IDENTIFIER_BASE + "/aa/NORTHSIDE_PSYCH", "MRN-conc1"))
        .isEqualTo(1);
  }

  @Test
  void malformedAndUnsupportedMessagesGetARorAEWithErrAndNothingIsWritten() throws Exception {
    int rejectedBefore = messageStore.countRejected();
    String valid = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "bad1");
    try (Client client = new Client()) {
      assertThat(client.send("this is not HL7")).contains("MSA|AR|").contains("ERR||MSH^1|100^");
      assertThat(client.send(valid.replace("REF^I12^REF_I12", "ADT^A01^ADT_A01")))
          .contains("MSA|AR|CTL-bad1").contains("|200^Unsupported message type^HL70357|");
      assertThat(client.send(valid.replace("REF^I12^REF_I12", "REF^I10^REF_I12")))
          .contains("MSA|AR|CTL-bad1").contains("|201^");
      assertThat(client.send(valid.replace("|P|2.5.1|", "|P|2.2|")))
          .contains("MSA|AR|CTL-bad1").contains("ERR|MSH^1^12^203&Unsupported version id&HL70357");
      assertThat(client.send(Hl7Samples.replaceField(valid, "PID", 3, "")))
          .contains("MSA|AE|CTL-bad1").contains("ERR||PID^1^3|101^Required field missing");
      assertThat(client.send(Hl7Samples.replaceField(valid, "RF1", 6, "")))
          .contains("MSA|AE|CTL-bad1").contains("ERR||RF1^1^6|101^");
      String withoutPrd = String.join("\r", java.util.Arrays.stream(valid.split("\r"))
          .filter(s -> !s.startsWith("PRD") && !s.startsWith("CTD")).toList()) + "\r";
      assertThat(client.send(withoutPrd)).contains("MSA|AE|CTL-bad1").contains("ERR||PRD^1|100^");
      assertThat(client.send(valid.replace("|NORTHSIDE_EHR|NORTHSIDE_PSYCH|", "|UNKNOWN_APP|UNKNOWN_FAC|")))
          .contains("MSA|AR|CTL-bad1").contains("ERR||MSH^1^4|204^Unknown key identifier^HL70357|E||||unknown sender");
      // delimiters inside the echoed control id are escaped, so they cannot break the ACK's structure
      String hostile = Hl7Samples.withControlId(valid.replace("REF^I12^REF_I12", "ORM^O01"), "X^Y&Z~W");
      String nak = client.send(hostile);
      assertThat(nak.split("\r")[1].split("\\|", -1)[2]).isEqualTo("X\\S\\Y\\T\\Z\\R\\W");
    }
    assertThat(messageStore.countRejected()).isEqualTo(rejectedBefore + 9);
    assertThat(messageStore.rejected(RejectedQuery.any(), Paging.first(100)).items())
        .extracting(RejectedMessage::errorCode)
        .contains(100, 200, 201, 203, 101, 204);
    // every variant carried the referral id REF-bad1: none of them may have been written
    assertThat(fhir.count(ServiceRequest.class, FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH"),
        "REF-bad1")).isZero();
    assertThat(fhir.count(ServiceRequest.class, FhirStoreQueries.referralSystem("UNKNOWN_APP", "UNKNOWN_FAC"),
        "REF-bad1")).isZero();
  }

  @Test
  void aReferralWithDirtyOptionalFieldsLandsWithItsDataQualityNotes() throws Exception {
    String dirty = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "dq1");
    dirty = Hl7Samples.replaceField(dirty, "PID", 7, "1977-09-09");
    dirty = Hl7Samples.replaceField(dirty, "PID", 15, "ENGLISH^^HL70296");
    try (Client client = new Client()) {
      assertThat(client.send(dirty)).contains("MSA|AA|CTL-dq1");
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "REF-dq1")).isEqualTo(1));
    var row = inbound(MessageStatus.PROCESSED).stream().filter(r -> "CTL-dq1".equals(r.controlId())).findFirst()
        .orElseThrow();
    assertThat(messageStore.inbound(row.id()).orElseThrow().outcome()).contains("OperationOutcome")
        .contains("PID-7").contains("PID-15");
    Task task = (Task) fhir.search(Task.class, system, "REF-dq1").getEntryFirstRep().getResource();
    assertThat(task.getNote()).anyMatch(n -> n.getText().startsWith("PID-7:"));
  }

  @Test
  void utf8FromASenderThatDoesNotDeclareItKeepsItsAccentedNames() throws Exception {
    // MllpSend writes UTF-8, as most senders do; the sample has no MSH-18, so the listener decodes ISO-8859-1
    String accented = Hl7Samples.replaceField(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "utf1"), "PID", 5,
        "Müller-Łukasiewicz^Zoë^^^^^L");
    try (Client client = new Client()) {
      assertThat(client.send(accented)).contains("MSA|AA|CTL-utf1");
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    await().atMost(PROCESSED_WITHIN).untilAsserted(() ->
        assertThat(fhir.count(ServiceRequest.class, system, "REF-utf1")).isEqualTo(1));
    ServiceRequest request = (ServiceRequest) fhir.search(ServiceRequest.class, system, "REF-utf1")
        .getEntryFirstRep().getResource();
    Patient patient = fhir.client().read().resource(Patient.class)
        .withId(request.getSubject().getReferenceElement().getIdPart()).execute();
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Müller-Łukasiewicz");
    assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Zoë");
  }

  @Test
  void aReferralWithoutReferringProviderIsAnsweredAeAndNothingIsWritten() throws Exception {
    String noReferrer = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "inv1");
    noReferrer = noReferrer.replaceAll("\rPRD\\|[^|\r]*", "\rPRD|RT");
    try (Client client = new Client()) {
      assertThat(client.send(noReferrer)).contains("MSA|AE|CTL-inv1").contains("ERR|").contains("PRD");
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    assertThat(fhir.count(ServiceRequest.class, system, "REF-inv1")).isZero();
  }

  @Test
  void aFirstFrameBeyondTheFrameLimitLosesItsConnectionAtOnceAndTheListenerGoesOn(CapturedOutput output)
      throws Exception {
    // 5 MiB of a frame that never ends, over the 4 MiB limit, as the first bytes of a connection; a usual send
    // buffer, so that the write stalls if the listener stops reading without closing (Camel's own consumer does)
    byte[] frame = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(frame, (byte) 'A');
    frame[0] = 0x0b;
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.setSendBufferSize(64 * 1024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", MLLP_PORT), 10_000);
      socket.setSoTimeout(20_000);
      Future<?> write = writer.submit(() -> {
        socket.getOutputStream().write(frame);
        return null;
      });
      int answer;
      try {
        answer = socket.getInputStream().read();
      } catch (java.net.SocketException reset) {
        answer = -1;
      }
      assertThat(answer).as("no answer, the connection closed (not left open)").isEqualTo(-1);
      // closed by the guard, not by chance: a garbage collection also closes a socket that Camel dropped
      assertThat(output.getOut()).contains("MLLP connection reset: its first frame could not be read");
      try {
        write.get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException refused) {
        assertThat(refused.getCause()).isInstanceOf(java.io.IOException.class);
      }
    } finally {
      writer.shutdownNow();
    }
    try (Client client = new Client()) {
      assertThat(client.send(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "big1"))).contains("MSA|AA|CTL-big1");
    }
  }

  @Test
  void noLogLineAtInfoOrAboveCarriesThePatientsName(CapturedOutput output) throws Exception {
    String message = Hl7Samples.unique(Hl7Samples.INSURANCE_AUTH, "phi1");
    // a malformed birth date: left out with a data-quality note that quotes it, which must not reach the log either
    String bad = Hl7Samples.replaceField(Hl7Samples.unique(Hl7Samples.INSURANCE_AUTH, "phi2"), "PID", 7, "1977-09-09");
    try (Client client = new Client()) {
      assertThat(client.send(message)).contains("MSA|AA|");
      assertThat(client.send(bad)).contains("MSA|AA|");
      assertThat(client.send(message.replace("REF^I12^REF_I12", "ADT^A01"))).contains("MSA|AR|");
    }
    // a sender whose bytes arrive outside a frame (no start byte), then a proper frame on the same connection:
    // Camel's MLLP component logs skipped bytes, content and all unless logPhi is off
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", MLLP_PORT)) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(segments(message).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(300); // lets the listener read the stray bytes on their own, as when they come in a packet alone
      out.write(0x0b);
      out.write(segments(Hl7Samples.unique(Hl7Samples.INSURANCE_AUTH, "phi3"))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      String ack = new String(socket.getInputStream().readNBytes(64), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(ack).startsWith("\u000bMSH");
    }
    await().atMost(PROCESSED_WITHIN).untilAsserted(() -> {
      assertThat(output.getOut()).contains("CTL-phi1").contains("CTL-phi2");
      assertThat(inbound(MessageStatus.PROCESSED)).extracting(InboundMessage::controlId)
          .contains("CTL-phi2");
    });
    // the patient's name, birth date, address and phone in the message: none may reach the log
    assertThat(output.getAll()).doesNotContain("Nakamura").doesNotContain("Brooklyn Ave")
        .doesNotContain("5550188").doesNotContain("19770909").doesNotContain("1977-09-09");
  }

  private static String segments(String message) {
    return message.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
  }

  private List<InboundMessage> inbound(MessageStatus status) {
    return messageStore.inbound(InboundQuery.withStatus(status), Paging.first(Paging.MAX_SIZE)).items();
  }

  /** An MLLP client connection to the service under test. */
  private static final class Client implements AutoCloseable {
    private final MllpSend mllp;

    Client() throws java.io.IOException {
      mllp = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    }

    String send(String message) throws java.io.IOException {
      return mllp.send(message);
    }

    @Override
    public void close() throws java.io.IOException {
      mllp.close();
    }
  }
}
