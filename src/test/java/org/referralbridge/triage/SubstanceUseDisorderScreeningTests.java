package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;

import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubstanceUseDisorderScreeningTests {

  private static final FlagKind KIND = FlagKind.SUBSTANCE_USE_DISORDER;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F10.20", "F10.10", "F11.20", "F12.90", "F13.20", "F14.10", "F15.20", "F18.10", "F19.20",
      "F10.239"})
  void anActiveSubstanceUseDisorderIsAContraindication(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow().severity())
        .isEqualTo(Severity.CONTRAINDICATION);
  }

  @Test
  void ketamineOrPcpMisuseCodedAsAHallucinogenDisorderIsAContraindication() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", "F16.10", "Hallucinogen abuse, uncomplicated")))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Condition/c1", "Diagnosis F16.10 Hallucinogen abuse, uncomplicated (ICD-10-CM)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F10.21", "F11.21", "F10.11", "F12.91", "F16.21", "F1921"})
  void aDisorderInRemissionIsACautionNotAContraindication(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow().severity())
        .isEqualTo(Severity.CAUTION);
  }

  @Test
  void theRemissionCodeF1021GivesACautionWithItsDiagnosisAsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", "F10.21", "Alcohol dependence, in remission")))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F10.21 Alcohol dependence, in remission (ICD-10-CM)");
  }

  @ParameterizedTest(name = "clinical status {0}")
  @ValueSource(strings = {"inactive", "resolved", "remission"})
  void anActiveCodeWithAPastClinicalStatusIsACautionAtMost(String status) {
    Condition condition = icd10("c1", "F11.20", "Opioid dependence, uncomplicated");
    condition.setClinicalStatus(Fhir.clinicalStatus(status));

    ScreeningFlag flag = flag(KIND, Fhir.conditions(condition)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F11.20 Opioid dependence, uncomplicated (ICD-10-CM), clinical status " + status);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F17.210", "F17.200", "F32.2", "Z72.0"})
  void nicotineDependenceAndOtherDiagnosesAreNotFlagged(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null)))).isEmpty();
  }
}
