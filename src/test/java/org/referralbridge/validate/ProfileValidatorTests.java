package org.referralbridge.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TestTranslators;
import org.hl7.fhir.r4.model.Patient;

/** The project's profiles (fhir-profiles/) against what the translator produces from the sample referrals. */
class ProfileValidatorTests {

  private static ProfileValidator validator;
  private static final RefI12Translator TRANSLATOR = TestTranslators.translator(TestTranslators.SETTINGS);
  private static final Hl7Parser PARSER = new Hl7Parser();

  @BeforeAll
  static void loadProfiles() {
    validator = TestTranslators.validator();
  }

  @Test
  void loadsTheProjectsProfilesAndGeneratesTheirSnapshots() {
    assertThat(validator.profileCount()).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {Hl7Samples.TRD_PHQ9, Hl7Samples.PTSD_PCL5, Hl7Samples.REF_I11_V23,
      Hl7Samples.INSURANCE_AUTH, Hl7Samples.REF_I12_V29})
  void everySampleReferralConformsToTheProfiles(String sample) throws Exception {
    OperationOutcome outcome = validator.validate(translate(Hl7Samples.read(sample)));
    assertThat(outcome.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
  }

  @Test
  void aPatientWithoutIdentifierViolatesTheClinicPatientProfile() throws Exception {
    Bundle bundle = translate(Hl7Samples.read(Hl7Samples.TRD_PHQ9));
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
        .map(Patient.class::cast).forEach(patient -> patient.getIdentifier().clear());
    assertThatThrownBy(() -> validator.validate(bundle))
        .isInstanceOfSatisfying(InvalidReferralException.class, e ->
            assertThat(e.outcome().getIssue()).anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                && i.getDiagnostics().contains("Patient.identifier")));
  }

  @Test
  void aPatientWithoutBirthDateConformsButIsNoted() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.TRD_PHQ9), "PID", 7, "");
    var referral = TRANSLATOR.translate(PARSER.parseReferral(message), message, Instant.parse("2026-11-21T09:00:00Z"));

    assertThat(validator.validate(referral.bundle()).getIssue())
        .noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
    assertThat(referral.quality().notes()).anyMatch(n -> "PID-7".equals(n.v2Location()));
  }

  @Test
  void aTaskWithoutFocusViolatesTheReferralTaskProfile() throws Exception {
    Bundle bundle = translate(Hl7Samples.read(Hl7Samples.PTSD_PCL5));
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
        .map(Task.class::cast).forEach(task -> task.setFocus(null));
    assertThatThrownBy(() -> validator.validate(bundle)).isInstanceOf(InvalidReferralException.class);
  }

  @Test
  void aBusinessStatusOutsideTheBserCodesIsReported() throws Exception {
    Bundle bundle = translate(Hl7Samples.read(Hl7Samples.PTSD_PCL5));
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
        .map(Task.class::cast).forEach(task -> task.getBusinessStatus().getCodingFirstRep().setCode("99.9"));
    assertThatThrownBy(() -> validator.validate(bundle)).isInstanceOf(InvalidReferralException.class);
  }

  private static Bundle translate(String message) throws Exception {
    return TRANSLATOR.translate(PARSER.parseReferral(message), message, Instant.parse("2026-11-21T09:00:00Z")).bundle();
  }
}
