package org.referralbridge.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundStatus;
import org.referralbridge.outbound.OutboundStore;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirReceiver;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.IllegalTransitionException;
import org.referralbridge.triage.TaskAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The closed loop with real sockets: referrals arrive over MLLP, staff triage them, and each status change reaches
 * the referrer — an RRI^I12 at a fake referrer's MLLP listener, a Task at a real HAPI FHIR server — retried while
 * the referrer is down, delivered once, never twice, and a referrer that never answers holds up no one else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ClosedLoopIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final FakeReferrerMllp REFERRER = new FakeReferrerMllp(TestPorts.freePort());
  private static final FhirReceiver FHIR_REFERRER = new FhirReceiver(TestPorts.freePort());

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
    var data = TestPorts.freshDataDirectory("loop");
    registry.add("bridge.data-directory", data::toString);
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.partners.seed",
        () -> TestPartners.seed(data.resolve("seed"), REFERRER.port(), Integer.parseInt(
            FHIR_REFERRER.baseUrl().replaceAll(".*:(\\d+)/fhir", "$1"))));
    registry.add("bridge.outbound.first-retry-delay", () -> "500ms");
    registry.add("bridge.outbound.max-retry-delay", () -> "2s");
    registry.add("bridge.outbound.ack-timeout-millis", () -> 2000);
  }

  @AfterAll
  static void stopReferrers() throws Exception {
    REFERRER.stop();
    FHIR_REFERRER.stop();
  }

  @LocalServerPort
  int httpPort;

  @Autowired
  ReferralActions actions;

  @Autowired
  OutboundStore outbound;

  @Autowired
  SessionRecording sessions;

  @Autowired
  org.referralbridge.outbound.SummaryNotifications summaries;

  @Test
  void acceptingAReferralSendsTheReferrerAnRriI12ThatAnswersTheirReferral() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "loop1"), "NORTHSIDE_EHR", "NORTHSIDE_PSYCH",
        "REF-loop1");
    actions.apply(task.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");

    String rri = await().atMost(Duration.ofSeconds(30)).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("MSA|AA|CTL-loop1")).findFirst().orElse(null), m -> m != null);
    assertThat(rri).contains("RRI^I12").contains("RF1|A");
    assertThat(rri).contains("REF-loop1");
    Task stored = fhir().client().read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
    assertThat(stored.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("3.0");
    assertThat(stored.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
    Bundle audit = fhir().client().search().forResource(Provenance.class)
        .where(Provenance.TARGET.hasId("Task/" + task.getIdElement().getIdPart())).returnBundle(Bundle.class).execute();
    assertThat(audit.getEntry()).hasSize(1);
    Provenance provenance = (Provenance) audit.getEntryFirstRep().getResource();
    assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).isEqualTo("intake");
    assertThat(delivered(task)).hasSize(1);
  }

  /**
   * A referral id with a universal id of its own (RF1-6 EI-3/EI-4, an OID) names its own identifier system, not one
   * under the sender: the answer still finds the sender, which the referral keeps as its source.
   */
  @Test
  void aReferralWhoseIdCarriesAUniversalIdIsStillAnsweredOnItsSendersChannel() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "loop7"), "RF1", 6,
        "REF-loop7^^2.16.840.1.113883.3.7777.1^ISO");
    Task task = referralWithSystem(message, "urn:oid:2.16.840.1.113883.3.7777.1", "REF-loop7");
    actions.apply(task.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");

    String rri = await().atMost(Duration.ofSeconds(30)).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("MSA|AA|CTL-loop7")).findFirst().orElse(null), m -> m != null);
    assertThat(rri).contains("RRI^I12").contains("RF1|A").contains("REF-loop7");
    assertThat(delivered(task)).hasSize(1);
  }

  @Test
  void aDeclineOnAReferralThatIsAlreadyDeclinedIsRefused() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "loop2"), "NORTHSIDE_EHR", "NORTHSIDE_PSYCH",
        "REF-loop2");
    String id = task.getIdElement().getIdPart();
    actions.apply(id, TaskAction.DECLINE, ActionDetails.reason("Outside our catchment area"), "intake");
    assertThatThrownBy(() -> actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake"))
        .isInstanceOf(IllegalTransitionException.class);
    ServiceRequest request = fhir().client().read().resource(ServiceRequest.class)
        .withId(task.getFocus().getReferenceElement().getIdPart()).execute();
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    String rri = await().atMost(Duration.ofSeconds(30)).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("MSA|AA|CTL-loop2")).findFirst().orElse(null), m -> m != null);
    assertThat(rri).contains("RF1|R");
  }

  @Test
  void whileTheReferrerIsDownTheNotificationIsRetriedAndDeliveredOnceWhenItIsBack() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "loop3"), "NORTHSIDE_EHR", "NORTHSIDE_PSYCH",
        "REF-loop3");
    REFERRER.stop();
    try {
      actions.apply(task.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");
      await().atMost(Duration.ofSeconds(30)).until(() -> messages(task).stream()
          .anyMatch(m -> m.status() == OutboundStatus.RETRYING && m.attempts() >= 2));
    } finally {
      REFERRER.start();
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivered(task)).hasSize(1));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(REFERRER.received()).filteredOn(m -> m.contains("MSA|AA|CTL-loop3")).hasSize(1));
  }

  @Test
  void aReferrerThatNeverAcknowledgesDoesNotHoldUpOthers() throws Exception {
    Task silent = referral(Hl7Samples.unique(Hl7Samples.REF_I11_V23, "loop4"), "SUMMITFP",
        "SUMMIT_FAMILY_PRACTICE", "REF-loop4");
    Task other = referral(Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "loop5"), "RIVERBEND_EMR", "RIVERBEND_TRAUMA",
        "REF-loop5");
    REFERRER.acknowledge(false);
    try {
      actions.apply(silent.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");
      actions.apply(other.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");
      // the FHIR referrer gets its Task while the silent MLLP referrer is still being retried
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered(other)).hasSize(1));
      assertThat(messages(silent)).allMatch(m -> m.status() != OutboundStatus.DELIVERED);
      Task received = FHIR_REFERRER.tasks().getStoredResources().stream()
          .filter(t -> t.getIdElement().getIdPart().equals("rb-" + other.getIdElement().getIdPart()))
          .findFirst().orElseThrow();
      assertThat(received.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("3.0");
    } finally {
      REFERRER.acknowledge(true);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivered(silent)).hasSize(1));
  }

  @Test
  void schedulingIsReportedWithTheAppointment() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "loop6"), "RIVERBEND_EMR", "RIVERBEND_TRAUMA",
        "REF-loop6");
    String id = task.getIdElement().getIdPart();
    actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake");
    actions.apply(id, TaskAction.SCHEDULE,
        ActionDetails.scheduledFor(OffsetDateTime.of(2026, 12, 2, 9, 30, 0, 0, ZoneOffset.ofHours(-8))), "intake");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivered(task)).hasSize(2));
    Task received = FHIR_REFERRER.tasks().getStoredResources().stream()
        .filter(t -> t.getIdElement().getIdPart().equals("rb-" + id)).findFirst().orElseThrow();
    assertThat(received.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("5.1.1");
  }

  @Test
  void aRecordedSessionIsStoredAndItsSummaryReachesAnHl7Referrer() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "sess1"), "NORTHSIDE_EHR", "NORTHSIDE_PSYCH",
        "REF-sess1");
    String id = task.getIdElement().getIdPart();
    actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake");
    assertThat(sessions.record(id, session("35", "70"), "clinician")).isEqualTo(1);
    Bundle procedures = fhir().client().search().forResource(org.hl7.fhir.r4.model.Procedure.class)
        .where(org.hl7.fhir.r4.model.Procedure.BASED_ON.hasId(task.getFocus().getReference()))
        .returnBundle(Bundle.class).execute();
    assertThat(procedures.getEntry()).hasSize(1);

    summaries.send(task, fhir().client().read().resource(ServiceRequest.class)
        .withId(task.getFocus().getReferenceElement().getIdPart()).execute(), 1);

    String mdm = await().atMost(Duration.ofSeconds(30)).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("MDM^T02") && m.contains("REF-sess1")).findFirst().orElse(null), m -> m != null);
    String pdfBase64 = mdm.split("\\^Base64\\^", 2)[1].split("[|\r]", 2)[0];
    assertThat(new String(java.util.Base64.getDecoder().decode(pdfBase64), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(messages(task)).filteredOn(m -> m.kind() == OutboundMessage.Kind.SUMMARY)
            .allMatch(m -> m.status() == OutboundStatus.DELIVERED));
  }

  @Test
  void aSummaryReachesAFhirReferrerAsADocumentBundleAndAnOruReferrerAsResults() throws Exception {
    Task fhirTask = referral(Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "sess2"), "RIVERBEND_EMR", "RIVERBEND_TRAUMA",
        "REF-sess2");
    sessions.record(fhirTask.getIdElement().getIdPart(), session("40", "80"), "clinician");
    summaries.send(fhirTask, request(fhirTask), 1);
    String documentId = "rb-summary-" + fhirTask.getFocus().getReferenceElement().getIdPart() + "-1";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(FHIR_REFERRER.bundles().getStoredResources())
        .anyMatch(b -> b.getIdElement().getIdPart().equals(documentId) && b.getType() == Bundle.BundleType.DOCUMENT));

    Task oruTask = referral(Hl7Samples.unique(Hl7Samples.REF_I11_V23, "sess3"), "SUMMITFP",
        "SUMMIT_FAMILY_PRACTICE", "REF-sess3");
    sessions.record(oruTask.getIdElement().getIdPart(), session("36", "72"), "clinician");
    summaries.send(oruTask, request(oruTask), 1);
    String oru = await().atMost(Duration.ofSeconds(30)).until(() -> REFERRER.received().stream()
        .filter(m -> m.contains("ORU^R01") && m.contains("REF-sess3")).findFirst().orElse(null), m -> m != null);
    assertThat(oru).contains("44261-6").contains("KETAMINE-DOSE");
  }

  @Test
  void noSummaryIsSentWhenThePatientsConsentDeniesSharing() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "sess4"), "RIVERBEND_EMR", "RIVERBEND_TRAUMA",
        "REF-sess4");
    ServiceRequest request = request(task);
    org.hl7.fhir.r4.model.Consent consent = new org.hl7.fhir.r4.model.Consent();
    consent.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
    consent.setScope(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
        "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
    consent.addCategory(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
        "http://loinc.org", "59284-0", null)));
    consent.setPatient(request.getSubject());
    consent.getProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY);
    consent.setPolicyRule(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
        "http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTOUT", null)));
    fhir().client().create().resource(consent).execute();
    sessions.record(task.getIdElement().getIdPart(), session("40", "80"), "clinician");

    assertThatThrownBy(() -> summaries.send(task, request, 1))
        .isInstanceOf(org.referralbridge.outbound.ConsentWithheldException.class);
    assertThat(messages(task)).noneMatch(m -> m.kind() == OutboundMessage.Kind.SUMMARY);
  }

  @Test
  void anUnusualDoseNeedsConfirmationAndATypoSizedDoseIsRefused() throws Exception {
    Task task = referral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "sess5"), "NORTHSIDE_EHR", "NORTHSIDE_PSYCH",
        "REF-sess5");
    String id = task.getIdElement().getIdPart();
    assertThatThrownBy(() -> sessions.record(id, session("350", "70"), "clinician"))
        .isInstanceOf(org.referralbridge.infusion.InvalidDoseException.class);
    assertThatThrownBy(() -> sessions.record(id, session("84", "70"), "clinician"))
        .isInstanceOf(SessionRecording.DoseNeedsConfirmation.class);
    SessionForm confirmed = session("84", "70");
    confirmed.setDoseConfirmed(true);
    assertThat(sessions.record(id, confirmed, "clinician")).isEqualTo(1);
  }

  private static SessionForm session(String doseMg, String weightKg) {
    SessionForm form = new SessionForm();
    form.setStart(java.time.LocalDateTime.of(2026, 12, 2, 9, 30));
    form.setDoseMg(new java.math.BigDecimal(doseMg));
    form.setWeightKg(new java.math.BigDecimal(weightKg));
    form.getBefore().setSystolic(128);
    form.getBefore().setDiastolic(82);
    form.getBefore().setHeartRate(74);
    form.getAfter().setSystolic(132);
    form.getAfter().setDiastolic(84);
    form.setDissociationScore(9);
    form.setPhq9Pre(19);
    form.setPhq9Post(12);
    form.setPlan("Second infusion in one week");
    form.setNotesForTherapist("Tolerated well; mild dissociation resolved within 20 minutes.");
    return form;
  }

  private ServiceRequest request(Task task) {
    return fhir().client().read().resource(ServiceRequest.class)
        .withId(task.getFocus().getReferenceElement().getIdPart()).execute();
  }

  private List<OutboundMessage> messages(Task task) {
    return outbound.forReferral(task.getFocus().getReferenceElement().getIdPart());
  }

  private List<OutboundMessage> delivered(Task task) {
    return messages(task).stream().filter(m -> m.status() == OutboundStatus.DELIVERED).toList();
  }

  /** Sends a referral over MLLP and waits for its Task. */
  private Task referral(String message, String application, String facility, String referralId) throws Exception {
    return referralWithSystem(message, FhirStoreQueries.referralSystem(application, facility), referralId);
  }

  private Task referralWithSystem(String message, String system, String referralId) throws Exception {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      assertThat(client.send(message)).contains("MSA|AA|");
    } finally {
      client.close();
    }
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      Bundle tasks = fhir().search(Task.class, system, referralId);
      return tasks.getEntry().isEmpty() ? null : (Task) tasks.getEntryFirstRep().getResource();
    }, t -> t != null);
  }

  private FhirStoreQueries fhir() {
    return new FhirStoreQueries(httpPort);
  }
}
