package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.snomed;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PsychosisOrManiaScreeningTests {

  private static final FlagKind KIND = FlagKind.PSYCHOSIS_OR_MANIA;

  @Test
  void schizophreniaIsAContraindicationWithTheDiagnosisAsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("12", "F20.9", "Schizophrenia, unspecified")))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Condition/12", "Diagnosis F20.9 Schizophrenia, unspecified (ICD-10-CM)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F23", "F25.0", "F29", "F30.10", "F31.0", "F31.13", "F31.2", "F31.5", "F31.64", "F31.60",
      "F32.3", "F33.3"})
  void psychoticDisordersManiaAndACurrentManicMixedOrPsychoticEpisodeAreContraindications(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow().severity())
        .isEqualTo(Severity.CONTRAINDICATION);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F31.30", "F31.4", "F31.75", "F31.81", "F31.9"})
  void bipolarDisorderWithoutACurrentManicOrPsychoticEpisodeIsACaution(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow().severity())
        .isEqualTo(Severity.CAUTION);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"F32.2", "F33.1", "F32.A", "F41.1", "F43.10", "G89.29"})
  void depressionAnxietyPtsdAndPainAreNotFlagged(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null)))).isEmpty();
  }

  @Test
  void aSnomedPsychoticDisorderIsAContraindication() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(snomed("c1", "69322001", "Psychotic disorder"))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis 69322001 Psychotic disorder (SNOMED CT)");
  }

  @Test
  void whoIcd10CodesCountLikeIcd10CmCodes() {
    Condition condition = Fhir.condition("c1", new Coding("http://hl7.org/fhir/sid/icd-10", "F20.0", null));

    assertThat(flag(KIND, Fhir.conditions(condition)).orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F20.0 (ICD-10)");
  }

  @Test
  void aPsychosisInRemissionIsACaution() {
    Condition past = icd10("c1", "F20.9", "Schizophrenia, unspecified");
    past.setClinicalStatus(Fhir.clinicalStatus("remission"));

    ScreeningFlag flag = flag(KIND, Fhir.conditions(past)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F20.9 Schizophrenia, unspecified (ICD-10-CM), clinical status remission");
  }

  @Test
  void aConditionWithAnAbatementAndNoClinicalStatusIsPast() {
    Condition abated = icd10("c1", "F30.10", null);
    abated.setClinicalStatus(null);
    abated.setAbatement(new org.hl7.fhir.r4.model.DateTimeType("2024-03"));

    ScreeningFlag flag = flag(KIND, Fhir.conditions(abated)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F30.10 (ICD-10-CM), abated");
  }

  @Test
  void theDisplayFallsBackToTheConditionsText() {
    Condition condition = icd10("c1", "F2090", null);
    condition.getCode().setText("schizophrenia");

    assertThat(flag(KIND, Fhir.conditions(condition)).orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis F20.90 schizophrenia (ICD-10-CM)");
  }
}
