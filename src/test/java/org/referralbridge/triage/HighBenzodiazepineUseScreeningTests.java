package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.dose;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.medication;
import static org.referralbridge.triage.Fhir.milligrams;
import static org.referralbridge.triage.Fhir.rxnorm;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HighBenzodiazepineUseScreeningTests {

  private static final FlagKind KIND = FlagKind.HIGH_BENZODIAZEPINE_USE;

  @Test
  void alprazolamOneMgThreeTimesADayIsSixMgLorazepamEquivalentAndACaution() {
    ScreeningFlag flag = flag(KIND, Fhir.medications(
        medication("m1", rxnorm("596", "alprazolam"), dose("1", 3, 1, "d")))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("MedicationStatement/m1", "Alprazolam 3 mg/day = 6 mg/day lorazepam equivalent"));
  }

  @ParameterizedTest(name = "{0} {2} mg/day = 4 mg/day lorazepam")
  @CsvSource({
      "alprazolam, 596, 2",
      "clonazepam, 2598, 2",
      "diazepam, 3322, 40",
      "lorazepam, 6470, 4",
      "temazepam, 10355, 80",
      "chlordiazepoxide, 2356, 100",
      "oxazepam, 7781, 60"})
  void eachBenzodiazepineIsFlaggedAtFourMgLorazepamEquivalentPerDay(String name, String rxnorm, String mgPerDay) {
    ScreeningFlag flag = flag(KIND, Fhir.medications(medication("m1", rxnorm(rxnorm, null), dose(mgPerDay, 1, 1,
        "d")))).orElseThrow();

    assertThat(flag.evidence()).extracting(Evidence::description).containsExactly(
        name.substring(0, 1).toUpperCase() + name.substring(1) + " " + mgPerDay
            + " mg/day = 4 mg/day lorazepam equivalent");
  }

  @ParameterizedTest(name = "{0} {2} mg/day → no flag")
  @CsvSource({
      "alprazolam, 596, 1.5",
      "diazepam, 3322, 30",
      "lorazepam, 6470, 3.5",
      "oxazepam, 7781, 45"})
  void aKnownDoseBelowFourMgLorazepamEquivalentPerDayRaisesNoFlag(String name, String rxnorm, String mgPerDay) {
    assertThat(flag(KIND, Fhir.medications(medication("m1", rxnorm(rxnorm, name), dose(mgPerDay, 1, 1, "d")))))
        .isEmpty();
  }

  @Test
  void theDosesOfSeveralBenzodiazepinesAddUp() {
    ScreeningFlag flag = flag(KIND, Fhir.medications(
        medication("m1", rxnorm("6470", "lorazepam"), dose("1", 2, 1, "d")),
        medication("m2", rxnorm("2598", "clonazepam"), dose("0.5", 2, 1, "d")))).orElseThrow();

    assertThat(flag.evidence()).extracting(Evidence::description).containsExactly(
        "Lorazepam 2 mg/day = 2 mg/day lorazepam equivalent (4 mg/day in total)",
        "Clonazepam 1 mg/day = 2 mg/day lorazepam equivalent (4 mg/day in total)");
  }

  @Test
  void aBenzodiazepineWithoutAUsableDoseIsACautionWithDoseUnknown() {
    Dosage inTablets = new Dosage();
    inTablets.addDoseAndRate().setDose(new Quantity().setValue(1).setUnit("tablet"));
    inTablets.getTiming().getRepeat().setFrequency(2).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
    Dosage textOnly = new Dosage().setText("as directed");

    ScreeningFlag flag = flag(KIND, Fhir.medications(
        medication("m1", rxnorm("596", "alprazolam"), inTablets),
        medication("m2", rxnorm("3322", "diazepam")),
        medication("m3", rxnorm("6470", "lorazepam"), textOnly))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("MedicationStatement/m1", "Alprazolam, dose unknown"),
        new Evidence("MedicationStatement/m2", "Diazepam, dose unknown"),
        new Evidence("MedicationStatement/m3", "Lorazepam, dose unknown"));
  }

  @Test
  void aBenzodiazepineIsRecognisedByItsBrandNameInTheText() {
    ScreeningFlag flag = flag(KIND, Fhir.medications(medication("m1",
        new CodeableConcept().setText("Xanax 1 mg tablet"), dose("1", 4, 1, "d")))).orElseThrow();

    assertThat(flag.evidence()).extracting(Evidence::description)
        .containsExactly("Alprazolam 4 mg/day = 8 mg/day lorazepam equivalent");
  }

  @Test
  void aBenzodiazepineIsRecognisedInAContainedMedication() {
    MedicationStatement statement = medication("m1", null, dose("2", 2, 1, "d"));
    Medication contained = new Medication().setCode(rxnorm("6470", "lorazepam"));
    contained.setId("med");
    statement.addContained(contained);
    statement.setMedication(new Reference("#med"));

    assertThat(flag(KIND, Fhir.medications(statement)).orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Lorazepam 4 mg/day = 4 mg/day lorazepam equivalent");
  }

  @Test
  void timingCodesTimesOfDayAndHourlyPeriodsGiveTheDailyDose() {
    Dosage bid = new Dosage();
    bid.addDoseAndRate().setDose(milligrams("1"));
    bid.getTiming().setCode(new CodeableConcept().addCoding(
        new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "BID", null)));
    Dosage morningAndNight = new Dosage();
    morningAndNight.addDoseAndRate().setDose(milligrams("1"));
    morningAndNight.getTiming().getRepeat().addTimeOfDay("08:00:00").addTimeOfDay("20:00:00");

    assertThat(flag(KIND, Fhir.medications(medication("m1", rxnorm("596", null), bid))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Alprazolam 2 mg/day = 4 mg/day lorazepam equivalent");
    assertThat(flag(KIND, Fhir.medications(medication("m1", rxnorm("2598", null), morningAndNight))).orElseThrow()
        .evidence()).extracting(Evidence::description)
        .containsExactly("Clonazepam 2 mg/day = 4 mg/day lorazepam equivalent");
    assertThat(flag(KIND, Fhir.medications(medication("m1", rxnorm("3322", null), dose("10", 1, 6, "h"))))
        .orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("Diazepam 40 mg/day = 4 mg/day lorazepam equivalent");
  }

  @Test
  void anAsNeededDoseCountsAtItsMaximumPerDay() {
    Dosage prn = new Dosage().setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
    prn.addDoseAndRate().setDose(milligrams("1"));
    prn.setMaxDosePerPeriod(new Ratio().setNumerator(milligrams("4"))
        .setDenominator(new Quantity().setValue(1).setSystem(Fhir.UCUM).setCode("d")));

    assertThat(flag(KIND, Fhir.medications(medication("m1", rxnorm("6470", null), prn))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Lorazepam 4 mg/day = 4 mg/day lorazepam equivalent");
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(strings = {"stopped", "completed", "not-taken", "entered-in-error", "on-hold"})
  void aBenzodiazepineThePatientNoLongerTakesIsNotFlagged(String status) {
    MedicationStatement stopped = medication("m1", rxnorm("596", "alprazolam"), dose("2", 3, 1, "d"));
    stopped.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(status));

    assertThat(flag(KIND, Fhir.medications(stopped))).isEmpty();
  }

  @Test
  void otherMedicationsAreNotFlagged() {
    assertThat(flag(KIND, Fhir.medications(
        medication("m1", rxnorm("36437", "sertraline"), dose("200", 1, 1, "d")),
        medication("m2", new CodeableConcept().setText("bupropion XL 300 mg"))))).isEmpty();
  }

  @Test
  void aBenzodiazepineNamedInTheNotesIsACautionThatNamesOnlyTheDrug() {
    ScreeningFlag flag = flag(KIND, Fhir.notes("Pt Jane Roe reports taking KLONOPIN at night, sometimes Xanax too."))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence(null, "mentioned in the referral notes: alprazolam"),
        new Evidence(null, "mentioned in the referral notes: clonazepam"));
  }

  @Test
  void notesWithoutABenzodiazepineNameRaiseNoFlag() {
    assertThat(flag(KIND, Fhir.notes("Failed sertraline and bupropion; no benzodiazepines.",
        "Please call the referring office with the schedule.", "Diazepamine-free"))).isEmpty();
  }

  @Test
  void unknownDosesAndNoteMentionsComeAfterAHighKnownDose() {
    ReferralFacts facts = new ReferralFacts(null, null, null, null, List.of(
        medication("m1", rxnorm("596", "alprazolam"), dose("1", 3, 1, "d")),
        medication("m2", rxnorm("3322", "diazepam"))), List.of("also uses temazepam"));

    assertThat(flag(KIND, facts).orElseThrow().evidence()).extracting(Evidence::description).containsExactly(
        "Alprazolam 3 mg/day = 6 mg/day lorazepam equivalent",
        "Diazepam, dose unknown",
        "mentioned in the referral notes: temazepam");
  }
}
