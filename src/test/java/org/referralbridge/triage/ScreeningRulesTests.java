package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referralbridge.triage.Fhir.bloodPressure;
import static org.referralbridge.triage.Fhir.dose;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.medication;
import static org.referralbridge.triage.Fhir.observation;
import static org.referralbridge.triage.Fhir.rxnorm;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ScreeningRulesTests {

  @Test
  void aReferralWithoutDataRaisesNoFlags() {
    assertThat(ScreeningRules.evaluate(new ReferralFacts(null, null, null, null, null, null))).isEmpty();
  }

  @Test
  void aTypicalTreatmentResistantDepressionReferralRaisesNoFlags() {
    ReferralFacts facts = new ReferralFacts(patient(),
        List.of(icd10("c1", "F33.2", "Major depressive disorder, recurrent severe without psychotic features"),
            icd10("c2", "F41.1", "Generalized anxiety disorder")),
        List.of(bloodPressure("bp", "2026-11-10", 138, 88), observation("q9", "44260-8", "2026-11-10",
            new IntegerType(0)), observation("phq", "44261-6", "2026-11-10", new IntegerType(18))),
        List.of(),
        List.of(medication("m1", rxnorm("36437", "sertraline"), dose("150", 1, 1, "d")),
            medication("m2", rxnorm("6470", "lorazepam"), dose("0.5", 2, 1, "d"))),
        List.of("Failed sertraline, escitalopram and bupropion at adequate doses; interested in IV ketamine."));

    assertThat(ScreeningRules.evaluate(facts)).isEmpty();
  }

  @Test
  void contraindicationsComeFirstThenCautionsEachInFlagKindOrder() {
    ReferralFacts facts = new ReferralFacts(patient(),
        List.of(icd10("c1", "R45.851", null), icd10("c2", "F10.21", null), icd10("c3", "F20.9", null),
            icd10("c4", "I10", null), icd10("c5", "O09.90", null)),
        null, null, null, List.of("takes Valium"));

    assertThat(ScreeningRules.evaluate(facts)).extracting(ScreeningFlag::kind, ScreeningFlag::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(FlagKind.PSYCHOSIS_OR_MANIA, Severity.CONTRAINDICATION),
        org.assertj.core.groups.Tuple.tuple(FlagKind.PREGNANCY, Severity.CONTRAINDICATION),
        org.assertj.core.groups.Tuple.tuple(FlagKind.UNCONTROLLED_HYPERTENSION, Severity.CAUTION),
        org.assertj.core.groups.Tuple.tuple(FlagKind.SUBSTANCE_USE_DISORDER, Severity.CAUTION),
        org.assertj.core.groups.Tuple.tuple(FlagKind.HIGH_BENZODIAZEPINE_USE, Severity.CAUTION),
        org.assertj.core.groups.Tuple.tuple(FlagKind.SUICIDALITY_SCREEN_POSITIVE, Severity.CAUTION));
  }

  @Test
  void severalFindingsOfOneKindAreOneFlagWithoutDuplicateEvidence() {
    ReferralFacts facts = Fhir.notes("Klonopin 1 mg", "Klonopin was increased", "clonazepam");

    assertThat(ScreeningRules.evaluate(facts)).singleElement().satisfies(flag -> assertThat(flag.evidence())
        .containsExactly(new Evidence(null, "mentioned in the referral notes: clonazepam")));
  }

  @Test
  void noEvidenceRepeatsThePatientsDetailsOrTheNoteText() {
    ReferralFacts facts = new ReferralFacts(patient(), List.of(icd10("c1", "F20.9", "Schizophrenia")), null, null,
        null, List.of("Jane Roe, MRN 4411, takes Ativan daily"));

    assertThat(ScreeningRules.evaluate(facts)).flatExtracting(ScreeningFlag::evidence)
        .extracting(Evidence::description)
        .noneMatch(text -> text.contains("Jane") || text.contains("Roe") || text.contains("4411")
            || text.contains("daily"));
  }

  @Test
  void theFactsHideNotesAndResourcesWhenPrinted() {
    ReferralFacts facts = new ReferralFacts(patient(), null, null, null, null, List.of("Jane Roe takes Ativan"));

    assertThat(facts.toString()).doesNotContain("Jane", "Roe", "Ativan").contains("notes=1");
  }

  @Test
  void nullListsAndNullElementsBecomeEmpty() {
    ReferralFacts facts = new ReferralFacts(null, Arrays.asList(null, icd10("c1", "F20.9", null)), null, null, null,
        Arrays.asList((String) null));

    assertThat(facts.conditions()).hasSize(1);
    assertThat(facts.notes()).isEmpty();
    assertThat(facts.observations()).isEmpty();
  }

  @Test
  void everyFlagKindAndSeverityHasATitle() {
    assertThat(FlagKind.values()).allSatisfy(kind -> assertThat(kind.title()).isNotBlank());
    assertThat(Severity.values()).extracting(Severity::title).containsExactly("Contraindication", "Caution");
  }

  @Test
  void aFlagNeedsEvidence() {
    assertThatThrownBy(() -> new ScreeningFlag(FlagKind.PREGNANCY, Severity.CAUTION, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Patient patient() {
    Patient patient = new Patient();
    patient.setId("p1");
    patient.addName(new HumanName().setFamily("Roe").addGiven("Jane"));
    return patient;
  }
}
