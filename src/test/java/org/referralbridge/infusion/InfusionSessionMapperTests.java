package org.referralbridge.infusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.referralbridge.validate.InvalidReferralException;
import org.referralbridge.validate.ProfileValidator;
import org.referralbridge.vocabulary.CodeSystems;

class InfusionSessionMapperTests {

  private static ProfileValidator validator;
  private final InfusionSessionMapper mapper = new InfusionSessionMapper();

  @BeforeAll
  static void loadProfiles() {
    validator = new ProfileValidator(FhirContext.forR4Cached(), Path.of("fhir-profiles"));
  }

  private Bundle map(InfusionSession session) {
    return mapper.toResources(session, SampleSessions.REFERRAL, SampleSessions.PATIENT, SampleSessions.CLINIC);
  }

  private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).toList();
  }

  private static List<Observation> withCode(Bundle bundle, String system, String code) {
    return all(bundle, Observation.class).stream().filter(o -> o.getCode().hasCoding(system, code)).toList();
  }

  @Test
  void theSessionIsACompletedProcedureBasedOnTheReferralWithItsProfile() {
    Bundle bundle = map(SampleSessions.session3());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    Procedure procedure = (Procedure) bundle.getEntryFirstRep().getResource();
    assertThat(procedure.getMeta().hasProfile(InfusionCodes.PROFILE_INFUSION_PROCEDURE)).isTrue();
    assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
    assertThat(procedure.getCode().getText()).isEqualTo("Ketamine infusion");
    assertThat(procedure.getCode().hasCoding(InfusionCodes.INSTRUMENTS, "ketamine-infusion")).isTrue();
    assertThat(procedure.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/77");
    assertThat(procedure.getSubject().getReference()).isEqualTo("Patient/12");
    assertThat(procedure.getPerformedPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-11-10T09:00:00-08:00");
    assertThat(procedure.getPerformedPeriod().getEndElement().getValueAsString())
        .isEqualTo("2026-11-10T09:40:00-08:00");
    assertThat(procedure.getPerformer()).extracting(p -> p.getActor().getDisplay())
        .containsExactly("Lakeside Ketamine Clinic", "Dr. Avery Sample, MD");
    assertThat(procedure.getFollowUpFirstRep().getText()).startsWith("Session 4 on 2026-11-12");
    assertThat(procedure.getNote()).extracting(n -> n.getText()).containsExactly(
        "Notes for the therapist: Reports more energy and less rumination since session 2; please review the"
            + " safety plan at the next therapy visit.",
        "Discharge: Alert and oriented, walking unaided; escort: Spouse");
  }

  @Test
  void theDrugIsAMedicationAdministrationWithRxNormRouteDoseAndMgPerKg() {
    Bundle bundle = map(SampleSessions.session3());
    MedicationAdministration administration = all(bundle, MedicationAdministration.class).get(0);
    assertThat(administration.getStatus())
        .isEqualTo(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
    assertThat(administration.getMedicationCodeableConcept().hasCoding(InfusionCodes.RXNORM, "6130")).isTrue();
    assertThat(administration.getPartOfFirstRep().getReference()).isEqualTo(bundle.getEntryFirstRep().getFullUrl());
    assertThat(administration.getSubject().getReference()).isEqualTo("Patient/12");
    assertThat(administration.getEffectivePeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-11-10T09:00:00-08:00");
    MedicationAdministration.MedicationAdministrationDosageComponent dosage = administration.getDosage();
    assertThat(dosage.getDose().getValue()).isEqualByComparingTo("36");
    assertThat(dosage.getDose().getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(dosage.getDose().getCode()).isEqualTo("mg");
    assertThat(dosage.getRoute().hasCoding("http://snomed.info/sct", "47625008")).isTrue();
    assertThat(dosage.getText()).isEqualTo("36 mg (0.50 mg/kg at 72.0 kg) IV over 40 min");
  }

  @Test
  void esketamineIsTheNasalSprayGivenByTheNasalRoute() {
    Bundle bundle = map(SampleSessions.esketamine());
    MedicationAdministration administration = all(bundle, MedicationAdministration.class).get(0);
    assertThat(administration.getMedicationCodeableConcept().hasCoding(InfusionCodes.RXNORM, "2201623")).isTrue();
    assertThat(administration.getDosage().getRoute().hasCoding("http://snomed.info/sct", "46713006")).isTrue();
    assertThat(administration.getDosage().getText()).isEqualTo("56 mg (0.87 mg/kg at 64.5 kg) intranasal over 120 min");
  }

  @Test
  void eachRouteHasItsSnomedCode() {
    assertThat(Route.IV.snomed()).isEqualTo("47625008");
    assertThat(Route.IM.snomed()).isEqualTo("78421000");
    assertThat(Route.INTRANASAL.snomed()).isEqualTo("46713006");
    assertThat(Route.ORAL.snomed()).isEqualTo("26643006");
  }

  @Test
  void theWeightIsABodyWeightObservationInKg() {
    Observation weight = withCode(map(SampleSessions.session3()), CodeSystems.LOINC, "29463-7").get(0);
    Quantity value = weight.getValueQuantity();
    assertThat(value.getValue()).isEqualByComparingTo("72.0");
    assertThat(value.getCode()).isEqualTo("kg");
    assertThat(weight.getCategoryFirstRep().hasCoding(InfusionCodes.OBSERVATION_CATEGORY, "vital-signs")).isTrue();
  }

  @Test
  void vitalSignsBecomeOneObservationPerMeasurementAndTimePoint() {
    Bundle bundle = map(SampleSessions.session3());
    List<Observation> bp = withCode(bundle, CodeSystems.LOINC, "85354-9");
    assertThat(bp).hasSize(5);
    Observation first = bp.get(0);
    assertThat(first.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-10T08:50:00-08:00");
    assertThat(first.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode(),
        c -> c.getValueQuantity().getValue().intValue(), c -> c.getValueQuantity().getCode())
        .containsExactly(tuple("8480-6", 128, "mm[Hg]"),
            tuple("8462-4", 82, "mm[Hg]"));
    assertThat(withCode(bundle, CodeSystems.LOINC, "8867-4")).hasSize(5)
        .allSatisfy(o -> assertThat(o.getValueQuantity().getCode()).isEqualTo("/min"));
    assertThat(withCode(bundle, CodeSystems.LOINC, "59408-5")).as("SpO2 missing at one time point").hasSize(4)
        .allSatisfy(o -> {
          assertThat(o.getValueQuantity().getCode()).isEqualTo("%");
          assertThat(o.getCode().hasCoding(CodeSystems.LOINC, "2708-6")).isTrue();
        });
    assertThat(withCode(bundle, CodeSystems.LOINC, "9279-1")).hasSize(5);
    assertThat(all(bundle, Observation.class).stream()
        .filter(o -> o.getCategoryFirstRep().hasCoding(InfusionCodes.OBSERVATION_CATEGORY, "vital-signs")))
        .hasSize(5 + 5 + 4 + 5 + 1);
  }

  @Test
  void aBloodPressureWithOneValueMissingSaysWhy() {
    InfusionSession session = InfusionSession.builder(1, SampleSessions.session1().start()).durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV).dose("36", "72")
        .vitals(InfusionSession.VitalSigns.Phase.BEFORE, SampleSessions.session1().start(), 130, null, null, null,
            null)
        .build();
    Observation bp = withCode(map(session), CodeSystems.LOINC, "85354-9").get(0);
    assertThat(bp.getComponent().get(1).getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("not-performed");
  }

  @Test
  void scoresBecomePreAndPostObservationsWithTheInstrumentsCodes() {
    Bundle bundle = map(SampleSessions.session1());
    List<Observation> phq9 = withCode(bundle, CodeSystems.LOINC, "44261-6");
    assertThat(phq9).extracting(o -> ((IntegerType) o.getValue()).getValue(),
        o -> o.getEffectiveDateTimeType().getValueAsString(), o -> o.getNoteFirstRep().getText())
        .containsExactly(tuple(22, "2026-11-03T09:00:00-08:00", "Before the session"),
            tuple(14, "2026-11-03T09:40:00-08:00", "After the session"));
    assertThat(phq9.get(0).getCategoryFirstRep().hasCoding(InfusionCodes.OBSERVATION_CATEGORY, "survey")).isTrue();
    assertThat(withCode(bundle, CodeSystems.LOINC, "70274-6")).hasSize(2);
    assertThat(withCode(bundle, CodeSystems.LOINC, "93245-9")).hasSize(2);
    assertThat(withCode(bundle, InfusionCodes.INSTRUMENTS, "MADRS")).hasSize(2);
    assertThat(Instrument.PCL5.code()).isEqualTo("101698-9");
    assertThat(withCode(map(SampleSessions.esketamine()), CodeSystems.LOINC, "44261-6")).as("pre only").hasSize(1);
  }

  @Test
  void dissociationAndAdverseEventsAreObservationsOfTheSession() {
    Bundle bundle = map(SampleSessions.session3());
    Observation dissociation = withCode(bundle, InfusionCodes.INSTRUMENTS, "CADSS-6").get(0);
    assertThat(((IntegerType) dissociation.getValue()).getValue()).isEqualTo(8);
    assertThat(dissociation.getEffectivePeriod().getEndElement().getValueAsString())
        .isEqualTo("2026-11-10T09:40:00-08:00");
    Observation event = withCode(bundle, InfusionCodes.INSTRUMENTS, "adverse-event").get(0);
    assertThat(event.getValueStringType().getValue()).isEqualTo("Nausea at 25 minutes");
    assertThat(event.getNoteFirstRep().getText())
        .isEqualTo("Action taken: Ondansetron 4 mg IV; resolved within 15 minutes");
  }

  @Test
  void everyObservationIsPartOfTheProcedureBasedOnTheReferralAboutThePatient() {
    Bundle bundle = map(SampleSessions.session3());
    String procedure = bundle.getEntryFirstRep().getFullUrl();
    assertThat(all(bundle, Observation.class)).isNotEmpty().allSatisfy(o -> {
      assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
      assertThat(o.getPartOfFirstRep().getReference()).isEqualTo(procedure);
      assertThat(o.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/77");
      assertThat(o.getSubject().getReference()).isEqualTo("Patient/12");
      assertThat(o.hasEffective()).isTrue();
    });
  }

  @Test
  void fullUrlsAreNameBasedUuidsThatRepeatForTheSameSessionAndDifferForAnother() {
    List<String> first = fullUrls(map(SampleSessions.session3()));
    assertThat(first).allMatch(url -> url.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-.*"));
    assertThat(Set.copyOf(first)).hasSameSizeAs(first);
    assertThat(fullUrls(map(SampleSessions.session3()))).isEqualTo(first);
    assertThat(fullUrls(map(SampleSessions.session2()))).doesNotContainAnyElementsOf(first);
    Bundle otherReferral = mapper.toResources(SampleSessions.session3(), new Reference("ServiceRequest/78"),
        SampleSessions.PATIENT, SampleSessions.CLINIC);
    assertThat(fullUrls(otherReferral)).doesNotContainAnyElementsOf(first);
  }

  @Test
  void everyEntryIsAConditionalCreateOnItsOwnIdentifier() {
    Bundle bundle = map(SampleSessions.session3());
    assertThat(bundle.getEntry()).allSatisfy(entry -> {
      String uuid = entry.getFullUrl().substring("urn:uuid:".length());
      assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
      assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
      assertThat(entry.getRequest().getIfNoneExist())
          .isEqualTo("identifier=http%3A%2F%2Freferralbridge.org%2Ffhir%2Fsid%2Finfusion-session%7C" + uuid);
      assertThat(entry.getResource().getNamedProperty("identifier").getValues()).singleElement()
          .hasFieldOrPropertyWithValue("value", uuid);
    });
  }

  @Test
  void aReferralKnownOnlyByItsIdentifierSeedsTheFullUrlsToo() {
    Reference logical = new Reference().setIdentifier(new Identifier()
        .setSystem("http://example.org/referrals").setValue("R-1"));
    Bundle bundle = mapper.toResources(SampleSessions.session1(), logical, SampleSessions.PATIENT,
        SampleSessions.CLINIC);
    assertThat(((Procedure) bundle.getEntryFirstRep().getResource()).getBasedOnFirstRep().getIdentifier().getValue())
        .isEqualTo("R-1");
    assertThatThrownBy(() -> mapper.toResources(SampleSessions.session1(), new Reference(), SampleSessions.PATIENT,
        SampleSessions.CLINIC)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusedDoseIsNotMapped() {
    InfusionSession tooMuch = InfusionSession.builder(1, SampleSessions.session1().start()).durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV).dose(new BigDecimal("360"), new BigDecimal("72")).build();
    assertThatThrownBy(() -> map(tooMuch)).isInstanceOf(InvalidDoseException.class);
  }

  @Test
  void theResourcesOfEverySampleSessionAreValidFhirR4AndConformToTheProfiles() {
    for (InfusionSession session : List.of(SampleSessions.session1(), SampleSessions.session2(),
        SampleSessions.session3(), SampleSessions.esketamine())) {
      OperationOutcome outcome = validator.validate(map(session));
      assertThat(outcome.getIssue()).as(describe(outcome))
          .noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
              || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
    }
  }

  @Test
  void aProcedureWithoutItsReferralViolatesTheInfusionProcedureProfile() {
    Bundle bundle = map(SampleSessions.session1());
    ((Procedure) bundle.getEntryFirstRep().getResource()).setBasedOn(null);
    assertThatThrownBy(() -> validator.validate(bundle)).isInstanceOfSatisfying(InvalidReferralException.class,
        e -> assertThat(e.outcome().getIssue()).anyMatch(i -> i.getDiagnostics().contains("Procedure.basedOn")));
  }

  @Test
  void aCodeOutsideTheProjectInstrumentsCodeSystemIsAnError() {
    Bundle bundle = map(SampleSessions.session1());
    withCode(bundle, InfusionCodes.INSTRUMENTS, "MADRS")
        .forEach(o -> o.getCode().getCodingFirstRep().setCode("MADRS-X"));
    assertThatThrownBy(() -> validator.validate(bundle)).isInstanceOf(InvalidReferralException.class);
  }

  private static List<String> fullUrls(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
  }

  static String describe(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .map(i -> i.getSeverity() + " " + i.getLocation() + " " + i.getDiagnostics())
        .collect(Collectors.joining("\n"));
  }
}
