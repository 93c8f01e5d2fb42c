package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referralbridge.outbound.hl7.OutboundFixtures.CLINIC_APP;
import static org.referralbridge.outbound.hl7.OutboundFixtures.MESSAGE_TIME;
import static org.referralbridge.outbound.hl7.OutboundFixtures.ZONE;
import static org.referralbridge.outbound.hl7.OutboundFixtures.parse;

import ca.uhn.hl7v2.model.v251.message.RRI_I12;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.translate.TestTranslators;
import org.referralbridge.translate.TranslationSettings;
import org.referralbridge.vocabulary.AdministrativeSex;
import org.referralbridge.vocabulary.ReferralPriority;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * {@link StatusNotices} on the resources the inbound translator makes of a real sample referral
 * ({@code src/test/resources/hl7/pid-identifiers-names-v251.hl7}), so the reverse mapping follows the forward one.
 */
class StatusNoticesTests {

  private static final String BASE = "http://referralbridge.org/fhir/sid";
  private static final TranslationSettings SETTINGS = new TranslationSettings(BASE,
      new TranslationSettings.Clinic("Lakeside Ketamine Clinic", BASE + "/organization", "LAKESIDE_KETAMINE"), ZONE);
  private static final StatusChange ACCEPTED = new StatusChange(ReferralStatus.ACCEPTED, "Welcome",
      Instant.parse("2026-12-01T17:30:00Z"));

  private final StatusNotices notices = new StatusNotices(BASE + "/", CLINIC_APP, ZONE);
  private Bundle bundle;

  @BeforeEach
  void translateTheSampleReferral() throws Exception {
    Path sample = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "hl7",
        "pid-identifiers-names-v251.hl7");
    String raw = Files.readString(sample, StandardCharsets.UTF_8);
    bundle = TestTranslators.translator(SETTINGS).translate(new Hl7Parser().parseReferral(raw), raw,
        Instant.parse("2026-11-20T18:20:00Z")).bundle();
    serviceRequest().setId("ServiceRequest/4711"); // as the FHIR store assigns it
  }

  @Test
  void theNoticeGoesBackToTheSenderOfTheStoredReferralAndEchoesItsControlId() {
    StatusNotice notice = fromBundle(ACCEPTED);
    assertThat(notice.envelope().sender()).isEqualTo(CLINIC_APP);
    assertThat(notice.envelope().receiver()).isEqualTo(new ApplicationId("GOLDEN_EHR", "GOLDEN_PSYCH"));
    assertThat(notice.envelope().controlId()).isEqualTo("RB-0001");
    assertThat(notice.originalControlId()).isEqualTo("GLD-0001");
    assertThat(notice.referral().originating()).isEqualTo(AssignedId.of("GLD-REF-0001", "GOLDEN_EHR"));
    assertThat(notice.referral().clinic()).isEqualTo(AssignedId.of("4711", "REFERRALBRIDGE"));
    assertThat(notice.status()).isEqualTo(ReferralStatus.ACCEPTED);
    assertThat(notice.priority()).isEqualTo(ReferralPriority.ROUTINE);
    assertThat(notice.comment()).isEqualTo("Welcome");
    assertThat(notice.scheduledStart()).isEqualTo(ACCEPTED.scheduledStart());
  }

  @Test
  void patientIdentifiersGetTheirAssigningAuthoritiesBackAndTheSsnIsNotSent() {
    PatientDetails patient = fromBundle(ACCEPTED).patient();
    assertThat(patient.identifiers()).containsExactly(
        new AssignedId("GLD-1001", null, "2.16.840.1.113883.3.9999.1", "ISO", "MR"),
        new AssignedId("H7654321", "CASCADE_HEALTH_PLAN", null, null, "MB"),
        new AssignedId("X-77", null, "https://ids.example.org/patients", "URI", "PI"),
        new AssignedId("55512", null, "2.16.840.1.113883.3.9999.7", "ISO", "PT"));
    assertThat(patient.name()).isEqualTo(new PersonName("Quill", "Morgan", "Avery", "Jr", "Mx", null));
    assertThat(patient.birthDate()).isEqualTo("1988-02-14");
    assertThat(patient.sex()).isEqualTo(AdministrativeSex.FEMALE);
  }

  @Test
  void theReferrerKeepsNameCredentialsNpiAndPhoneAndTheClinicItsName() {
    StatusNotice notice = fromBundle(ACCEPTED);
    assertThat(notice.referrer().name()).isEqualTo(new PersonName("Testwood", "Robin", null, null, null, "MD"));
    assertThat(notice.referrer().npi()).isEqualTo("1234567893");
    assertThat(notice.referrer().phone()).isEqualTo("+1 (541) 555-0100");
    assertThat(notice.clinic().name()).isEqualTo("Lakeside Ketamine Clinic");
  }

  @Test
  void theRriBuiltFromStoredResourcesAnswersTheOriginalReferral() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(fromBundle(ACCEPTED)));
    assertThat(rri.getMSH().getReceivingApplication().getNamespaceID().getValue()).isEqualTo("GOLDEN_EHR");
    assertThat(rri.getMSH().getReceivingFacility().getNamespaceID().getValue()).isEqualTo("GOLDEN_PSYCH");
    assertThat(rri.getMSA().getMessageControlID().getValue()).isEqualTo("GLD-0001");
    assertThat(rri.getRF1().getOriginatingReferralIdentifier().encode()).isEqualTo("GLD-REF-0001^GOLDEN_EHR");
    assertThat(rri.getPID().getPatientIdentifierList(0).encode())
        .isEqualTo("GLD-1001^^^&2.16.840.1.113883.3.9999.1&ISO^MR");
    assertThat(rri.getPROVIDER_CONTACT(0).getPRD().getProviderIdentifiers(0).encode()).isEqualTo("1234567893^NPI");
  }

  @Test
  void identifierSystemsMapBackToV2AssigningAuthorities() {
    assertThat(notices.identifier(new Identifier().setSystem(BASE + "/aa/NORTH%20SIDE").setValue("1")))
        .isEqualTo(AssignedId.of("1", "NORTH SIDE"));
    assertThat(notices.identifier(new Identifier().setSystem("urn:oid:1.2.3").setValue("1")))
        .isEqualTo(AssignedId.ofOid("1", "1.2.3"));
    assertThat(notices.identifier(new Identifier().setSystem(BASE + "/sender/APP/FAC/referral-id").setValue("1")))
        .isEqualTo(AssignedId.of("1", "APP"));
    assertThat(notices.identifier(new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1")))
        .isEqualTo(new AssignedId("1", "NPI", "2.16.840.1.113883.4.6", "ISO", null));
    assertThat(notices.identifier(new Identifier().setSystem("https://other.example/aa/X").setValue("1")))
        .isEqualTo(new AssignedId("1", null, "https://other.example/aa/X", "URI", null));
    assertThat(notices.identifier(new Identifier().setValue("1"))).isEqualTo(AssignedId.of("1", null));
    assertThat(notices.identifier(new Identifier().setSystem("urn:oid:1.2.3"))).isNull();
  }

  @Test
  void namesMapToTheirV2Form() {
    HumanName nickname = new HumanName().setUse(HumanName.NameUse.NICKNAME).setFamily("Nick");
    HumanName official = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Lee").addGiven("Ann")
        .addGiven("B").addGiven("C").addPrefix("Dr").addSuffix("III").addSuffix("MD").addSuffix("PhD");
    assertThat(StatusNotices.name(List.of(nickname, official)))
        .isEqualTo(new PersonName("Lee", "Ann", "B C", "III", "Dr", "MD PhD"));
    assertThat(StatusNotices.name(List.of())).isNull();
  }

  @Test
  void aPartialBirthDateKeepsItsPrecision() throws Exception {
    Patient patient = resource(Patient.class);
    patient.getBirthDateElement().setValueAsString("1988-02");
    assertThat(notices.patient(patient).birthDate()).isEqualTo("1988-02");
    StatusNotice base = fromBundle(ACCEPTED);
    StatusNotice notice = new StatusNotice(base.envelope(), base.originalControlId(), base.referral(),
        base.status(), null, null, null, base.clinic(), base.referrer(), notices.patient(patient));
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(notice));
    assertThat(rri.getPID().getDateTimeOfBirth().getTime().getValue()).isEqualTo("198802");
  }

  @Test
  void withoutTheStoredOriginalMessageThereIsNoControlIdToAnswer() {
    assertThatThrownBy(() -> notices.from(serviceRequest(), resource(Patient.class), resource(Practitioner.class),
        clinic(), null, ACCEPTED, "RB-0001", MESSAGE_TIME))
        .isInstanceOf(OutboundMessageException.class).hasMessageStartingWith("MSA-2");
  }

  @Test
  void aReferralWithoutPlacerIdentifierCannotBeAnswered() {
    ServiceRequest request = serviceRequest();
    request.getIdentifier().clear();
    assertThatThrownBy(() -> notices.from(request, resource(Patient.class), resource(Practitioner.class), clinic(),
        resource(DocumentReference.class), ACCEPTED, "RB-0001", MESSAGE_TIME))
        .isInstanceOf(OutboundMessageException.class).hasMessageStartingWith("RF1-6");
  }

  @Test
  void aPatientWhoseOnlyIdentifierIsAnSsnCannotBeIdentified() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("999-00-1234");
    assertThatThrownBy(() -> notices.patient(patient))
        .isInstanceOf(OutboundMessageException.class).hasMessageStartingWith("PID-3");
  }

  @Test
  void noticeTextShowsNoPatientData() {
    StatusNotice notice = fromBundle(ACCEPTED);
    assertThat(notice.toString()).contains("GLD-0001").doesNotContain("Quill").doesNotContain("Welcome");
    assertThat(OutboundFixtures.summary().toString()).doesNotContain("Quill").doesNotContain("sertraline");
  }

  private StatusNotice fromBundle(StatusChange change) {
    return notices.from(serviceRequest(), resource(Patient.class), resource(Practitioner.class), clinic(),
        resource(DocumentReference.class), change, "RB-0001", MESSAGE_TIME);
  }

  private ServiceRequest serviceRequest() {
    return resource(ServiceRequest.class);
  }

  private Organization clinic() {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Organization.class::isInstance).map(Organization.class::cast)
        .filter(o -> "LAKESIDE_KETAMINE".equals(o.getIdentifierFirstRep().getValue()))
        .findFirst().orElseThrow();
  }

  private <T extends Resource> T resource(Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
