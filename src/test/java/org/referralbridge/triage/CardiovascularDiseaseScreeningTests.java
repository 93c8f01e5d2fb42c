package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.snomed;

import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardiovascularDiseaseScreeningTests {

  private static final FlagKind KIND = FlagKind.CARDIOVASCULAR_DISEASE;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"I21.4", "I22.0", "I47.1", "I49.01", "I60.9", "I63.9", "I69.354"})
  void arrhythmiaCerebrovascularDiseaseAndRecentInfarctionAreContraindications(String code) {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(new Evidence("Condition/c1", "Diagnosis " + code + " (ICD-10-CM)"));
  }

  @Test
  void atrialFibrillationIsACaution() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", "I48.91", "Unspecified atrial fibrillation")))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis I48.91 Unspecified atrial fibrillation (ICD-10-CM)");
  }

  @Test
  void aSnomedMyocardialInfarctionIsAContraindication() {
    assertThat(flag(KIND, Fhir.conditions(snomed("c1", "22298006", "Myocardial infarction"))).orElseThrow()
        .severity()).isEqualTo(Severity.CONTRAINDICATION);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"I25.10", "I25.2", "I50.9", "I10", "I95.1", "F32.2"})
  void otherDiagnosesAreNotFlagged(String code) {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", code, null)))).isEmpty();
  }

  @Test
  void aResolvedStrokeIsACautionThatSaysItIsResolved() {
    Condition stroke = icd10("c1", "I63.9", "Cerebral infarction, unspecified");
    stroke.setClinicalStatus(Fhir.clinicalStatus("resolved"));

    ScreeningFlag flag = flag(KIND, Fhir.conditions(stroke)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).extracting(Evidence::description).containsExactly(
        "Diagnosis I63.9 Cerebral infarction, unspecified (ICD-10-CM), clinical status resolved");
  }

  @Test
  void refutedAndEnteredInErrorDiagnosesAreIgnored() {
    Condition refuted = icd10("c1", "I47.1", null);
    refuted.setVerificationStatus(Fhir.verificationStatus("refuted"));
    Condition inError = icd10("c2", "I21.4", null);
    inError.setVerificationStatus(Fhir.verificationStatus("entered-in-error"));

    assertThat(flag(KIND, Fhir.conditions(refuted, inError))).isEmpty();
  }

  @Test
  void theMostSevereFindingSetsTheSeverityAndEveryFindingIsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("af", "I48.0", null), icd10("mi", "I21.4", null)))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).extracting(Evidence::resourceReference)
        .containsExactly("Condition/mi", "Condition/af");
  }
}
