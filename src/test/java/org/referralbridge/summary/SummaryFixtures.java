package org.referralbridge.summary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.infusion.SampleSessions;

/** A synthetic patient, clinic and referral (no real person), and the summary input of session 3 of the series. */
final class SummaryFixtures {

  static final String DOCUMENT_ID = "summary-RBT-REF-0042-3";
  static final Instant CREATED = Instant.parse("2026-11-10T20:30:00Z");
  static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

  private SummaryFixtures() {}

  static Patient patient() {
    Patient patient = new Patient();
    patient.setId("Patient/12");
    patient.getMeta().addProfile("http://referralbridge.org/fhir/StructureDefinition/clinic-patient");
    patient.addIdentifier(new Identifier().setSystem("http://referralbridge.org/fhir/sid/aa/RIVERBEND")
        .setValue("RB-000123").setType(new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null))));
    patient.addName(new HumanName().setFamily("Testperson").addGiven("Jordan").setUse(HumanName.NameUse.OFFICIAL));
    patient.setGender(Enumerations.AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType("1985-06-14"));
    return patient;
  }

  static Organization clinic() {
    Organization clinic = new Organization();
    clinic.setId("Organization/3");
    clinic.addIdentifier(new Identifier().setSystem("http://referralbridge.org/fhir/sid/organization")
        .setValue("LAKESIDE_KETAMINE"));
    clinic.setActive(true);
    clinic.setName("Lakeside Ketamine Clinic");
    return clinic;
  }

  static ServiceRequest referral() {
    ServiceRequest referral = new ServiceRequest();
    referral.setId("ServiceRequest/77");
    referral.addIdentifier(new Identifier().setSystem("http://referralbridge.org/fhir/sid/aa/STATE_HIE")
        .setValue("EXT-0042").setType(new CodeableConcept().setText("External referral identifier")));
    referral.addIdentifier(new Identifier()
        .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "PLAC",
            "Placer Identifier")))
        .setSystem("http://referralbridge.org/fhir/sid/sender/RIVERBEND_EMR/RIVERBEND_TRAUMA/referral-id")
        .setValue("RBT-REF-0042"));
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference("Patient/12"));
    return referral;
  }

  /** Session 3 reported, sessions 1 and 2 as the previous ones (given out of order on purpose). */
  static SummaryInput input() {
    return new SummaryInput(patient(), clinic(), referral(), SampleSessions.session3(),
        List.of(SampleSessions.session2(), SampleSessions.session1()), DOCUMENT_ID, CREATED, ZONE);
  }
}
