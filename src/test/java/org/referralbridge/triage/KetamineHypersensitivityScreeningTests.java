package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.allergy;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.rxnorm;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;

class KetamineHypersensitivityScreeningTests {

  private static final FlagKind KIND = FlagKind.KETAMINE_HYPERSENSITIVITY;

  @Test
  void aKetamineAllergyIsAContraindicationDescribedWithoutTheSendersText() {
    AllergyIntolerance allergy = allergy("a1", new CodeableConcept().setText("KETAMINE (hives after ER visit)"));
    allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);

    ScreeningFlag flag = flag(KIND, Fhir.allergies(allergy)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("AllergyIntolerance/a1", "Allergy to ketamine recorded (criticality high)"));
  }

  @Test
  void aCodedKetamineOrEsketamineIntoleranceIsAContraindication() {
    AllergyIntolerance coded = allergy("a1", rxnorm("6130", null));
    coded.setType(AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);

    assertThat(flag(KIND, Fhir.allergies(coded)).orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Intolerance to ketamine recorded");
    assertThat(flag(KIND, Fhir.allergies(allergy("a2", new CodeableConcept().setText("Spravato"))))).isPresent();
  }

  @Test
  void otherAllergiesAndResolvedOrRefutedKetamineAllergiesAreNotFlagged() {
    AllergyIntolerance resolved = allergy("a2", rxnorm("6130", "ketamine"));
    resolved.setClinicalStatus(Fhir.coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
        "resolved", null));
    AllergyIntolerance refuted = allergy("a3", rxnorm("6130", "ketamine"));
    refuted.setVerificationStatus(Fhir.coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
        "refuted", null));

    assertThat(flag(KIND, Fhir.allergies(allergy("a1", rxnorm("7980", "penicillin G")), resolved, refuted)))
        .isEmpty();
  }
}
