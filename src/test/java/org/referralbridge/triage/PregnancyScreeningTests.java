package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.SNOMED;
import static org.referralbridge.triage.Fhir.coded;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.observation;
import static org.referralbridge.triage.Fhir.snomed;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PregnancyScreeningTests {

  private static final FlagKind KIND = FlagKind.PREGNANCY;
  private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"O09.90", "O21.0", "O99.345", "O9A.211", "Z33.1", "Z34.00", "Z34.92", "Z3A.12"})
  void aPregnancyDiagnosisIsAContraindication(String code) {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(new Evidence("Condition/c1", "Diagnosis " + code + " (ICD-10-CM)"));
  }

  @Test
  void aSnomedPregnancyIsAContraindicationAndBreastfeedingACaution() {
    assertThat(flag(KIND, Fhir.conditions(snomed("c1", "77386006", "Pregnant"))).orElseThrow().severity())
        .isEqualTo(Severity.CONTRAINDICATION);
    ScreeningFlag breastfeeding = flag(KIND, Fhir.conditions(snomed("c2", "169750002", "Currently breastfeeding")))
        .orElseThrow();
    assertThat(breastfeeding.severity()).isEqualTo(Severity.CAUTION);
    assertThat(breastfeeding.evidence()).extracting(Evidence::description)
        .containsExactly("Diagnosis 169750002 Currently breastfeeding (SNOMED CT)");
  }

  @Test
  void breastfeedingCodedInIcd10IsACaution() {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", "Z39.1", "Encounter for care and examination of lactating "
        + "mother"))).orElseThrow().severity()).isEqualTo(Severity.CAUTION);
  }

  @Test
  void aResolvedPregnancyAndOtherZCodesAreNotFlagged() {
    Condition resolved = icd10("c1", "Z34.90", null);
    resolved.setClinicalStatus(Fhir.clinicalStatus("resolved"));

    assertThat(flag(KIND, Fhir.conditions(resolved, icd10("c2", "Z30.011", "Contraceptive pills"),
        icd10("c3", "Z39.2", "Routine postpartum follow-up")))).isEmpty();
  }

  @Test
  void aPregnancyStatusOfPregnantIsAContraindication() {
    Observation status = observation("o1", "82810-3", "2026-11-08", coded(SNOMED, "77386006", "Pregnant"));

    ScreeningFlag flag = flag(KIND, Fhir.observations(status)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Observation/o1", "Pregnancy status: pregnant on 2026-11-08"));
  }

  @Test
  void aLaterStatusOfNotPregnantReplacesAnEarlierPregnantStatus() {
    assertThat(flag(KIND, Fhir.observations(
        observation("old", "82810-3", "2026-01-08", coded(SNOMED, "77386006", "Pregnant")),
        observation("new", "82810-3", "2026-11-08", coded(SNOMED, "60001007", "Not pregnant"))))).isEmpty();
  }

  @Test
  void aPositiveUrineHcgByInterpretationIsAContraindication() {
    Observation hcg = observation("hcg", "2106-3", "2026-11-09T10:00:00-08:00", coded(SNOMED, "10828004", null));
    hcg.setValue(null).addInterpretation(coded(INTERPRETATION, "POS", "Positive"));

    ScreeningFlag flag = flag(KIND, Fhir.observations(hcg)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Observation/hcg", "Urine hCG pregnancy test positive on 2026-11-09"));
  }

  @Test
  void aPositiveSerumHcgByValueIsAContraindication() {
    assertThat(flag(KIND, Fhir.observations(observation("s", "2118-8", "2026-11-09", new StringType("Positive"))))
        .orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Serum hCG pregnancy test positive on 2026-11-09");
    assertThat(flag(KIND, Fhir.observations(observation("c", "2118-8", "2026-11-09",
        coded(SNOMED, "10828004", "Positive"))))).isPresent();
  }

  @Test
  void aNegativeHcgOrAPositiveOneFollowedByANegativeOneIsNotFlagged() {
    Observation negative = observation("neg", "2106-3", "2026-11-09", coded(SNOMED, "260385009", "Negative"));
    Observation olderPositive = observation("pos", "2118-8", "2026-10-01", new StringType("positive"));

    assertThat(flag(KIND, Fhir.observations(negative))).isEmpty();
    assertThat(flag(KIND, Fhir.observations(olderPositive, negative))).isEmpty();
  }

  @Test
  void pregnancyAndBreastfeedingTogetherAreOneContraindicationWithBothAsEvidence() {
    ReferralFacts facts = new ReferralFacts(null, List.of(icd10("bf", "Z39.1", null)),
        List.of(observation("o1", "82810-3", "2026-11-08", coded(SNOMED, "77386006", "Pregnant"))), null, null, null);

    ScreeningFlag flag = flag(KIND, facts).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CONTRAINDICATION);
    assertThat(flag.evidence()).extracting(Evidence::resourceReference)
        .containsExactly("Observation/o1", "Condition/bf");
  }
}
