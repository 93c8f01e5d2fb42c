package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.bloodPressure;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.mmHg;
import static org.referralbridge.triage.Fhir.observation;
import static org.referralbridge.triage.Fhir.snomed;

import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UncontrolledHypertensionScreeningTests {

  private static final FlagKind KIND = FlagKind.UNCONTROLLED_HYPERTENSION;

  @Test
  void aLatestReadingOf172Over104IsAContraindicationWithTheReadingAsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.observations(bloodPressure("bp1", "2026-11-10T09:30:00-08:00", 172, 104)))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Observation/bp1", "Blood pressure 172/104 mmHg on 2026-11-10"));
  }

  @ParameterizedTest(name = "{0}/{1} mmHg → {2}")
  @CsvSource({
      "160, 80, CONTRAINDICATION",
      "120, 100, CONTRAINDICATION",
      "159, 99, CAUTION",
      "140, 70, CAUTION",
      "130, 90, CAUTION"})
  void aLatestReadingAtOrAboveAThresholdIsFlagged(int systolic, int diastolic, Severity expected) {
    ScreeningFlag flag = flag(KIND, Fhir.observations(bloodPressure("bp1", "2026-11-10", systolic, diastolic)))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(expected);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Blood pressure " + systolic + "/" + diastolic + " mmHg on 2026-11-10");
  }

  @ParameterizedTest(name = "{0}/{1} mmHg → no flag")
  @CsvSource({"138, 88", "139, 89", "110, 70"})
  void aLatestReadingBelowTheThresholdsRaisesNoFlag(int systolic, int diastolic) {
    assertThat(flag(KIND, Fhir.observations(bloodPressure("bp1", "2026-11-10", systolic, diastolic)))).isEmpty();
  }

  @Test
  void onlyTheLatestReadingCountsSoAnOlderHighReadingRaisesNoFlag() {
    assertThat(flag(KIND, Fhir.observations(
        bloodPressure("new", "2026-11-10", 128, 82),
        bloodPressure("old", "2026-09-01", 180, 110)))).isEmpty();
  }

  @Test
  void aNewerHighReadingIsFlaggedWhateverTheOrderOfTheObservations() {
    ScreeningFlag flag = flag(KIND, Fhir.observations(
        bloodPressure("new", "2026-11-10T08:00:00Z", 165, 95),
        bloodPressure("old", "2026-11-10T07:00:00Z", 128, 82))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).extracting(Evidence::resourceReference).containsExactly("Observation/new");
  }

  @Test
  void standaloneSystolicAndDiastolicObservationsAreReadToo() {
    ScreeningFlag flag = flag(KIND, Fhir.observations(
        observation("sys", "8480-6", "2026-11-10", mmHg(150)),
        observation("dia", "8462-4", "2026-11-10", mmHg(101)))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Observation/dia", "Diastolic blood pressure 101 mmHg on 2026-11-10"),
        new Evidence("Observation/sys", "Systolic blood pressure 150 mmHg on 2026-11-10"));
  }

  @Test
  void aStandaloneReadingNewerThanThePanelReplacesThePanelsValue() {
    assertThat(flag(KIND, Fhir.observations(
        bloodPressure("panel", "2026-11-01", 150, 85),
        observation("sys", "8480-6", "2026-11-10", mmHg(132))))).isEmpty();
  }

  @Test
  void aReadingWithoutADateIsOlderThanAnyDatedReadingAndSaysSo() {
    assertThat(flag(KIND, Fhir.observations(
        bloodPressure("undated", null, 170, 100),
        bloodPressure("dated", "2026-11-10", 120, 80)))).isEmpty();
    assertThat(flag(KIND, Fhir.observations(bloodPressure("undated", null, 170, 100))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Blood pressure 170/100 mmHg (date not recorded)");
  }

  @Test
  void readingsInAnotherUnitAndObservationsEnteredInErrorAreIgnored() {
    Observation kiloPascal = observation("kpa", "8480-6", "2026-11-10",
        new Quantity().setValue(21).setUnit("kPa").setCode("kPa"));
    Observation inError = bloodPressure("err", "2026-11-10", 190, 120)
        .setStatus(Observation.ObservationStatus.ENTEREDINERROR);

    assertThat(flag(KIND, Fhir.observations(kiloPascal, inError))).isEmpty();
  }

  @Test
  void aHypertensionDiagnosisIsACautionWithTheDiagnosisAsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", "I10", "Essential (primary) hypertension")))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Condition/c1", "Diagnosis I10 Essential (primary) hypertension (ICD-10-CM)"));
  }

  @Test
  void hypertensionCodesMatchWithOrWithoutTheDotAndInSnomed() {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", "I110", null))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Diagnosis I11.0 (ICD-10-CM)");
    assertThat(flag(KIND, Fhir.conditions(snomed("c2", "38341003", "Hypertensive disorder"))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Diagnosis 38341003 Hypertensive disorder (SNOMED CT)");
  }

  @Test
  void aHighReadingAndADiagnosisGiveOneContraindicationWithTheReadingFirst() {
    ReferralFacts facts = new ReferralFacts(null, List.of(icd10("c1", "I10", "Essential (primary) hypertension")),
        List.of(bloodPressure("bp1", "2026-11-10", 165, 100)), null, null, null);

    ScreeningFlag flag = flag(KIND, facts).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).extracting(Evidence::resourceReference).containsExactly("Observation/bp1",
        "Condition/c1");
  }

  @Test
  void otherCardiacDiagnosesAreNotHypertension() {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", "I20.9", "Angina pectoris, unspecified"),
        icd10("c2", "I95.9", "Hypotension, unspecified")))).isEmpty();
  }
}
