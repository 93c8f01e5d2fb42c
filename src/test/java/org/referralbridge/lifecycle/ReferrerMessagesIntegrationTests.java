package org.referralbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.referralbridge.messages.InboundMessage;
import org.referralbridge.messages.InboundQuery;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.messages.Paging;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirReceiver;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.TaskAction;
import org.referralbridge.worklist.ReferralActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The referrer's side of the lifecycle with real sockets: REF^I13, REF^I14, REF^I15 and ORU^R01 over MLLP to the
 * service, the service's RRI answers at a fake referrer's MLLP listener, the referral read back from the FHIR store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReferrerMessagesIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final FakeReferrerMllp REFERRER = new FakeReferrerMllp(TestPorts.freePort());
  private static final FhirReceiver FHIR_REFERRER = new FhirReceiver(TestPorts.freePort());
  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final String SYSTEM = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");

  static {
    try {
      REFERRER.start();
      FHIR_REFERRER.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    var data = TestPorts.freshDataDirectory("lifecycle");
    registry.add("bridge.data-directory", data::toString);
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.partners.seed",
        () -> TestPartners.seed(data.resolve("seed"), REFERRER.port(), Integer.parseInt(
            FHIR_REFERRER.baseUrl().replaceAll(".*:(\\d+)/fhir", "$1"))));
  }

  /** What was sent and what came back, written to target/referrer-exchange.txt for people to read. */
  private static final List<String> EXCHANGE = Collections.synchronizedList(new ArrayList<>());

  @AfterAll
  static void stopReferrers() throws Exception {
    REFERRER.stop();
    FHIR_REFERRER.stop();
    Files.writeString(Path.of("target", "referrer-exchange.txt"),
        String.join("\n\n", EXCHANGE).replace('\r', '\n') + "\n");
  }

  @LocalServerPort
  int httpPort;

  @Autowired
  ReferralActions actions;

  @Autowired
  MessageStore messageStore;

  @Test
  void aReferrerCancelsAScheduledReferralAndGetsAnRriI14() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life1");
    Task task = send(referral, "REF-life1");
    String taskId = task.getIdElement().getIdPart();
    actions.apply(taskId, TaskAction.ACCEPT, ActionDetails.none(), "intake");
    actions.apply(taskId, TaskAction.SCHEDULE,
        ActionDetails.scheduledFor(OffsetDateTime.of(2026, 12, 21, 9, 30, 0, 0, ZoneOffset.UTC)), "intake");

    // a minimal cancellation: MSH, PID and RF1, no PRD
    assertThat(mllp(request(referral, "I14", "CTL-life1-x"))).contains("MSA|AA|CTL-life1-x");

    String rri = answer("CTL-life1-x");
    assertThat(rri).contains("RRI^I14^RRI_I12").contains("RF1|R^").contains("REF-life1");
    Task cancelled = await().atMost(WITHIN).until(() -> fhir().client().read().resource(Task.class).withId(taskId)
        .execute(), t -> t.getStatus() == Task.TaskStatus.CANCELLED);
    assertThat(cancelled.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("6.0");
    assertThat(cancelled.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("I14");
    assertThat(cancelled.getStatusReason().getText()).startsWith("Cancelled by the referrer");
    // the booked session stays on the Task: staff must release it (the worklist flags it)
    assertThat(cancelled.getExecutionPeriod().getStart()).isNotNull();
    ServiceRequest request = fhir().client().read().resource(ServiceRequest.class)
        .withId(task.getFocus().getReferenceElement().getIdPart()).execute();
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    Bundle audit = fhir().client().search().forResource(Provenance.class)
        .where(Provenance.TARGET.hasId("Task/" + taskId)).returnBundle(Bundle.class).execute();
    assertThat(audit.getEntry()).extracting(e -> ((Provenance) e.getResource()).getAgentFirstRep().getWho()
        .getDisplay()).contains("referrer NORTHSIDE_EHR^NORTHSIDE_PSYCH (REF^I14 CTL-life1-x)");

    // cancelled again (another control id): nothing changes, the answer says it was closed already
    assertThat(mllp(request(referral, "I14", "CTL-life1-y"))).contains("MSA|AA|CTL-life1-y");
    assertThat(answer("CTL-life1-y")).contains("RRI^I14").contains("Not cancelled");
    assertThat(fhir().client().read().resource(Task.class).withId(taskId).execute().getMeta().getVersionId())
        .isEqualTo(cancelled.getMeta().getVersionId());
    assertThat(rows("CTL-life1-x")).extracting(InboundMessage::status).containsExactly(MessageStatus.PROCESSED);
  }

  @Test
  void aStatusRequestIsAnsweredWithTheReferralsCurrentStatus() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life2");
    Task task = send(referral, "REF-life2");

    assertThat(mllp(request(referral, "I15", "CTL-life2-q1"))).contains("MSA|AA|CTL-life2-q1");
    assertThat(answer("CTL-life2-q1")).contains("RRI^I15^RRI_I12").contains("RF1|P^");

    actions.apply(task.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");
    assertThat(mllp(request(referral, "I15", "CTL-life2-q2"))).contains("MSA|AA|CTL-life2-q2");
    assertThat(answer("CTL-life2-q2")).contains("RRI^I15").contains("RF1|A^").contains("Current status: Accepted");
    assertThat(fhir().client().read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute()
        .getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("3.0");
  }

  @Test
  void aCancellationThatComesBeforeItsReferralIsHeldUntilTheReferralIsWritten() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life3");

    assertThat(mllp(request(referral, "I14", "CTL-life3-x"))).contains("MSA|AA|CTL-life3-x");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life3-x")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.WAITING_FOR_REFERRAL));
    assertThat(fhir().count(Task.class, SYSTEM, "REF-life3")).isZero();

    Task task = send(referral, "REF-life3");
    await().atMost(WITHIN).until(() -> fhir().client().read().resource(Task.class)
        .withId(task.getIdElement().getIdPart()).execute().getStatus() == Task.TaskStatus.CANCELLED);
    assertThat(answer("CTL-life3-x")).contains("RRI^I14");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life3-x")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.PROCESSED));
  }

  @Test
  void aModificationUpdatesTheReferralWithHistoryKeepsStaffsDecisionAndIsConfirmed() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life4");
    Task task = send(referral, "REF-life4");
    String taskId = task.getIdElement().getIdPart();
    actions.apply(taskId, TaskAction.ACCEPT, ActionDetails.none(), "intake");
    String requestId = task.getFocus().getReferenceElement().getIdPart();

    // the referrer raises the priority and sends a new PHQ-9 total
    String modified = Hl7Samples.withControlId(referral.replace("REF^I12^REF_I12", "REF^I13^REF_I12")
        .replace("|R^Routine^HL70280|", "|S^STAT^HL70280|")
        .replace("44261-6^PHQ-9 total score [Reported]^LN||21|", "44261-6^PHQ-9 total score [Reported]^LN||24|"),
        "CTL-life4-m");
    assertThat(mllp(modified)).contains("MSA|AA|CTL-life4-m");

    String rri = answer("CTL-life4-m");
    assertThat(rri).contains("RRI^I13^RRI_I12").contains("RF1|A^").contains("Modification applied")
        .contains("priority: routine → stat");
    ServiceRequest request = fhir().client().read().resource(ServiceRequest.class).withId(requestId).execute();
    assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(Integer.parseInt(request.getMeta().getVersionId())).isGreaterThanOrEqualTo(2);
    assertThat(fhir().client().history().onInstance("ServiceRequest/" + requestId).returnBundle(Bundle.class)
        .execute().getEntry()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(fhir().count(ServiceRequest.class, SYSTEM, "REF-life4")).isEqualTo(1);
    // both original messages stay with the referral
    assertThat(request.getSupportingInfo()).filteredOn(r -> r.getReference().startsWith("DocumentReference/"))
        .hasSize(2);

    Task updated = fhir().client().read().resource(Task.class).withId(taskId).execute();
    assertThat(updated.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("3.0");
    assertThat(updated.getNote()).extracting(n -> n.getText())
        .anyMatch(n -> n.startsWith("Updated by the referrer (REF^I13 CTL-life4-m)") && n.contains("→ stat")
            && n.contains("21") && n.contains("24"));
    Bundle phq9 = fhir().client().search().forResource(Observation.class)
        .where(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
        .and(Observation.SUBJECT.hasId(request.getSubject().getReference()))
        .returnBundle(Bundle.class).execute();
    assertThat(phq9.getEntry()).hasSize(1);
    Observation total = (Observation) phq9.getEntryFirstRep().getResource();
    assertThat(total.getValueQuantity().getValue()).isEqualByComparingTo("24");
    assertThat(total.getMeta().getVersionId()).isEqualTo("2");
  }

  @Test
  void laterResultsFromTheReferrerAreAttachedToTheOpenReferral() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life5");
    Task task = send(referral, "REF-life5");
    String requestId = task.getFocus().getReferenceElement().getIdPart();

    assertThat(mllp(results("MRN-life5", "CTL-life5-r", "23"))).contains("MSA|AA|CTL-life5-r");

    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life5-r")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.PROCESSED));
    ServiceRequest request = fhir().client().read().resource(ServiceRequest.class).withId(requestId).execute();
    Bundle phq9 = fhir().client().search().forResource(Observation.class)
        .where(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
        .and(Observation.SUBJECT.hasId(request.getSubject().getReference()))
        .returnBundle(Bundle.class).execute();
    assertThat(phq9.getEntry()).extracting(e -> ((Observation) e.getResource()).getValueQuantity().getValue()
        .intValue()).containsExactlyInAnyOrder(21, 23);
    Observation later = phq9.getEntry().stream().map(e -> (Observation) e.getResource())
        .filter(o -> o.getValueQuantity().getValue().intValue() == 23).findFirst().orElseThrow();
    assertThat(request.getSupportingInfo()).extracting(r -> r.getReference())
        .contains("Observation/" + later.getIdElement().getIdPart());
    assertThat(later.getNote()).extracting(n -> n.getText()).contains("Passive suicidal ideation most days");
    // the results message itself is kept with the referral, beside the referral message
    assertThat(request.getSupportingInfo()).filteredOn(r -> r.getReference().startsWith("DocumentReference/"))
        .hasSize(2);

    // sent again: nothing new
    assertThat(mllp(results("MRN-life5", "CTL-life5-r", "23"))).contains("MSA|AA|CTL-life5-r");
    assertThat(mllp(results("MRN-life5", "CTL-life5-s", "23"))).contains("MSA|AA|CTL-life5-s");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life5-s")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.PROCESSED));
    assertThat(fhir().client().search().forResource(Observation.class)
        .where(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
        .and(Observation.SUBJECT.hasId(request.getSubject().getReference()))
        .returnBundle(Bundle.class).execute().getEntry()).hasSize(3);
  }

  @Test
  void aReportWithAnEmbeddedPdfIsAttachedToTheOpenReferral() throws Exception {
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life7");
    Task task = send(referral, "REF-life7");
    String requestId = task.getFocus().getReferenceElement().getIdPart();
    byte[] pdf = "%PDF-1.4\n% a consult letter\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(mllp(String.join("\r",
        "MSH|^~\\&|NORTHSIDE_EHR|NORTHSIDE_PSYCH|REFERRALBRIDGE|LAKESIDE_KETAMINE|20261206100000||MDM^T02^MDM_T02|"
            + "CTL-life7-d|P|2.5.1",
        "EVN|T02|20261206100000",
        "PID|1||MRN-life7^^^NORTHSIDE_PSYCH^MR||Doe^Jane||19800101|F",
        "TXA|1|CN^Consultation^HL70270|AP|20261206093000||||||||DOC-life7|||||AU",
        "OBX|1|ED|11488-4^Consult note^LN||^AP^PDF^Base64^"
            + Base64.getEncoder().encodeToString(pdf) + "||||||F") + "\r"))
        .contains("MSA|AA|CTL-life7-d");

    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life7-d")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.PROCESSED));
    ServiceRequest request = fhir().client().read().resource(ServiceRequest.class).withId(requestId).execute();
    List<DocumentReference> documents = request.getSupportingInfo().stream()
        .filter(r -> r.getReference().startsWith("DocumentReference/"))
        .map(r -> fhir().client().read().resource(DocumentReference.class).withUrl(r.getReference()).execute())
        .toList();
    DocumentReference report = documents.stream()
        .filter(d -> "application/pdf".equals(d.getContentFirstRep().getAttachment().getContentType()))
        .findFirst().orElseThrow();
    assertThat(report.getContentFirstRep().getAttachment().getData()).isEqualTo(pdf);
    assertThat(report.getIdentifierFirstRep().getValue()).isEqualTo("DOC-life7");
    assertThat(report.getType().getCodingFirstRep().getCode()).isEqualTo("CN");
    // with the referral message and the MDM as received
    assertThat(documents).hasSize(3);
  }

  @Test
  void resultsForAPatientWithNoOpenReferralAreKeptForStaff() throws Exception {
    assertThat(mllp(results("MRN-life6-unknown", "CTL-life6-r", "12"))).contains("MSA|AA|CTL-life6-r");

    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life6-r")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.NO_OPEN_REFERRAL));
    assertThat(messageStore.inbound(rows("CTL-life6-r").get(0).id()).orElseThrow().content()).contains("OBX|1|NM|");
  }

  @Test
  void aSenderThatAsksForApplicationAcknowledgementsInMsh16GetsThem() throws Exception {
    // MSH-16 ER: answered only on error; this patient has no open referral, so an AE with ERR 204 comes
    String unmatched = withApplicationAck(results("MRN-life8-unknown", "CTL-life8-r", "12"), "ER");
    assertThat(mllp(unmatched)).as("the accept ACK at intake").contains("MSA|AA|CTL-life8-r");
    String nak = received("MSA|AE|CTL-life8-r");
    assertThat(nak).contains("|ACK^R01^ACK|").contains("|P|2.5.1|||AL|NE\r").contains("ERR||PID^1^3|204^");
    assertThat(rows("CTL-life8-r")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.NO_OPEN_REFERRAL);

    // MSH-16 AL: answered on success too, once the results are attached
    String referral = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "life9");
    send(referral, "REF-life9");
    assertThat(mllp(withApplicationAck(results("MRN-life9", "CTL-life9-r", "19"), "AL")))
        .contains("MSA|AA|CTL-life9-r");
    String ack = received("MSA|AA|CTL-life9-r");
    assertThat(ack).startsWith("MSH|^~\\&|").contains("|ACK^R01^ACK|").doesNotContain("ERR|");
    assertThat(rows("CTL-life9-r")).extracting(InboundMessage::status).containsExactly(MessageStatus.PROCESSED);

    // MSH-16 NE: never. An answer to it would be queued when it is processed, before the next message is even sent;
    // once that next message's answer has come, none has come for this one
    assertThat(mllp(withApplicationAck(results("MRN-life8-unknown", "CTL-life8-n", "12"), "NE")))
        .contains("MSA|AA|CTL-life8-n");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(rows("CTL-life8-n")).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.NO_OPEN_REFERRAL));
    assertThat(mllp(withApplicationAck(results("MRN-life9", "CTL-life9-s", "18"), "AL")))
        .contains("MSA|AA|CTL-life9-s");
    received("MSA|AA|CTL-life9-s");
    assertThat(REFERRER.received()).noneMatch(m -> m.contains("|CTL-life8-n"));
  }

  /** The message in enhanced mode: MSH-15 AL, MSH-16 as given. */
  private static String withApplicationAck(String message, String msh16) {
    return message.replaceFirst("\\|P\\|2\\.5\\.1\r", "|P|2.5.1|||AL|" + msh16 + "\r");
  }

  /** The first message the fake referrer received that contains the text (e.g. its MSA). */
  private String received(String text) {
    String message = await().atMost(WITHIN).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains(text + "\r") || m.contains(text + "|")).findFirst().orElse(null), m -> m != null);
    EXCHANGE.add("=== the service sent the referrer (" + text + "):\n" + message);
    return message;
  }

  /** An ORU^R01 from Northside with a PHQ-9 total and a note on it. */
  private static String results(String mrn, String controlId, String total) {
    return String.join("\r",
        "MSH|^~\\&|NORTHSIDE_EHR|NORTHSIDE_PSYCH|REFERRALBRIDGE|LAKESIDE_KETAMINE|20261206100000||ORU^R01^ORU_R01|"
            + controlId + "|P|2.5.1",
        "PID|1||" + mrn + "^^^NORTHSIDE_PSYCH^MR||Doe^Jane||19800101|F",
        "OBR|1|||44249-1^PHQ-9 quick depression assessment panel^LN|||20261205",
        "OBX|1|NM|44261-6^PHQ-9 total score [Reported]^LN||" + total + "|{score}^^UCUM|0-27|H|||F|||20261205",
        "NTE|1||Passive suicidal ideation most days") + "\r";
  }

  /** The referral message turned into a request about it: MSH (event, control id), PID and RF1 only. */
  private static String request(String referral, String event, String controlId) {
    String message = Hl7Samples.withControlId(referral.replace("REF^I12^REF_I12", "REF^" + event + "^REF_I12"),
        controlId);
    return Arrays.stream(message.split("\r")).filter(s -> s.startsWith("MSH|") || s.startsWith("PID|")
        || s.startsWith("RF1|")).collect(Collectors.joining("\r", "", "\r"));
  }

  private String answer(String controlId) {
    String answer = await().atMost(WITHIN).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("MSA|AA|" + controlId + "\r") || m.contains("MSA|AA|" + controlId + "|"))
        .findFirst().orElse(null), m -> m != null);
    EXCHANGE.add("=== the service sent the referrer (answering " + controlId + "):\n" + answer);
    return answer;
  }

  private List<InboundMessage> rows(String controlId) {
    return messageStore.inbound(new InboundQuery(null, null, controlId, null, null, null), Paging.first(10))
        .items();
  }

  private String mllp(String message) throws Exception {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      String ack = client.send(message);
      EXCHANGE.add("=== the referrer sent:\n" + message + "\n--- and got back:\n" + ack);
      return ack;
    } finally {
      client.close();
    }
  }

  /** Sends a referral over MLLP and waits for its Task. */
  private Task send(String message, String referralId) throws Exception {
    assertThat(mllp(message)).contains("MSA|AA|");
    return await().atMost(WITHIN).until(() -> {
      Bundle tasks = fhir().search(Task.class, SYSTEM, referralId);
      return tasks.getEntry().isEmpty() ? null : (Task) tasks.getEntryFirstRep().getResource();
    }, t -> t != null);
  }

  private FhirStoreQueries fhir() {
    return new FhirStoreQueries(httpPort);
  }
}
