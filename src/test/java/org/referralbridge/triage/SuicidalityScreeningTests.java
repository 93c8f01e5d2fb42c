package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.triage.Fhir.LOINC;
import static org.referralbridge.triage.Fhir.coded;
import static org.referralbridge.triage.Fhir.flag;
import static org.referralbridge.triage.Fhir.icd10;
import static org.referralbridge.triage.Fhir.loinc;
import static org.referralbridge.triage.Fhir.observation;
import static org.referralbridge.triage.Fhir.snomed;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuicidalityScreeningTests {

  private static final FlagKind KIND = FlagKind.SUICIDALITY_SCREEN_POSITIVE;
  private static final String YES = "LA33-6";
  private static final String NO = "LA32-8";

  @Test
  void phq9ItemNineAboveZeroIsACautionWithTheScoreAsEvidence() {
    ScreeningFlag flag = flag(KIND, Fhir.observations(observation("q9", "44260-8", "2026-11-10", new IntegerType(2))))
        .orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(new Evidence("Observation/q9",
        "PHQ-9 item 9 (thoughts of death or self-harm) score 2 on 2026-11-10"));
  }

  @ParameterizedTest(name = "{0} → score {1}")
  @CsvSource({"LA6569-3, 1", "LA6570-1, 2", "LA6571-9, 3"})
  void aPhq9AnswerCodeCountsAsItsScore(String answer, int score) {
    assertThat(flag(KIND, Fhir.observations(observation("q9", "44260-8", "2026-11-10", coded(LOINC, answer, null))))
        .orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("PHQ-9 item 9 (thoughts of death or self-harm) score " + score + " on 2026-11-10");
  }

  @Test
  void phq9ItemNineOfZeroRaisesNoFlag() {
    assertThat(flag(KIND, Fhir.observations(observation("q9", "44260-8", "2026-11-10", new IntegerType(0)))))
        .isEmpty();
    assertThat(flag(KIND, Fhir.observations(observation("q9", "44260-8", "2026-11-10",
        coded(LOINC, "LA6568-5", "Not at all"))))).isEmpty();
  }

  @Test
  void onlyTheLatestItemNineCounts() {
    assertThat(flag(KIND, Fhir.observations(
        observation("old", "44260-8", "2026-09-01", new IntegerType(3)),
        observation("new", "44260-8", "2026-11-10", new IntegerType(0))))).isEmpty();
  }

  @Test
  void itemNineAsAComponentOfThePhq9PanelIsRead() {
    Observation panel = observation("phq9", "44249-1", "2026-11-10", null);
    panel.addComponent().setCode(loinc("44261-6")).setValue(new IntegerType(19));
    panel.addComponent().setCode(loinc("44260-8")).setValue(new IntegerType(1));

    assertThat(flag(KIND, Fhir.observations(panel)).orElseThrow().evidence()).containsExactly(new Evidence(
        "Observation/phq9", "PHQ-9 item 9 (thoughts of death or self-harm) score 1 on 2026-11-10"));
  }

  @Test
  void aYesInTheCssrsScreenIsACautionNamingTheQuestion() {
    Observation screen = observation("cssrs", "93245-9", "2026-11-10", null);
    screen.addComponent().setCode(loinc("93246-7", "Wish to be dead")).setValue(coded(LOINC, YES, "Yes"));
    screen.addComponent().setCode(loinc("93247-5", "Suicidal thoughts")).setValue(coded(LOINC, NO, "No"));

    ScreeningFlag flag = flag(KIND, Fhir.observations(screen)).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(
        new Evidence("Observation/cssrs", "C-SSRS: \"Yes\" to Wish to be dead on 2026-11-10"));
  }

  @Test
  void aYesInAMemberObservationOfTheCssrsScreenIsEvidenceOfThatMember() {
    Observation item = observation("item1", "93246-7", "2026-11-10", coded(LOINC, YES, "Yes"));
    item.getCode().getCodingFirstRep().setDisplay("Wish to be dead");
    Observation screen = observation("cssrs", "93245-9", "2026-11-10", null);
    screen.addHasMember(new Reference("Observation/item1"));

    assertThat(flag(KIND, Fhir.observations(screen, item)).orElseThrow().evidence()).containsExactly(
        new Evidence("Observation/item1", "C-SSRS: \"Yes\" to Wish to be dead on 2026-11-10"));
  }

  @Test
  void aCssrsScreenAnsweredNoThroughoutRaisesNoFlag() {
    Observation screen = observation("cssrs", "93245-9", "2026-11-10", coded(LOINC, NO, "No"));
    screen.addComponent().setCode(loinc("93246-7", "Wish to be dead")).setValue(coded(LOINC, NO, "No"));

    assertThat(flag(KIND, Fhir.observations(screen))).isEmpty();
  }

  @Test
  void anOlderPositiveCssrsScreenIsReplacedByTheLatestNegativeOne() {
    Observation older = observation("old", "93245-9", "2026-10-01", coded(LOINC, YES, "Yes"));
    Observation latest = observation("new", "93245-9", "2026-11-10", coded(LOINC, NO, "No"));

    assertThat(flag(KIND, Fhir.observations(older, latest))).isEmpty();
    assertThat(flag(KIND, Fhir.observations(older)).orElseThrow().evidence()).extracting(Evidence::description)
        .containsExactly("C-SSRS screen positive on 2026-10-01");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"R45.851", "T14.91XA"})
  void suicidalIdeationOrAttemptDiagnosesAreACautionNeverAContraindication(String code) {
    ScreeningFlag flag = flag(KIND, Fhir.conditions(icd10("c1", code, null))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(new Evidence("Condition/c1", "Diagnosis " + code + " (ICD-10-CM)"));
  }

  @Test
  void suicidalThoughtsInSnomedAreACaution() {
    assertThat(flag(KIND, Fhir.conditions(snomed("c1", "6471006", "Suicidal thoughts"))).orElseThrow().evidence())
        .extracting(Evidence::description).containsExactly("Diagnosis 6471006 Suicidal thoughts (SNOMED CT)");
  }

  @Test
  void depressionAloneRaisesNoFlag() {
    assertThat(flag(KIND, Fhir.conditions(icd10("c1", "F33.2", "Major depressive disorder, recurrent severe "
        + "without psychotic features")))).isEmpty();
  }

  @ParameterizedTest(name = "PHQ-9 total {0}")
  @CsvSource({"20", "24", "27"})
  void aPhq9TotalInTheSevereRangeIsACaution(int total) {
    ScreeningFlag flag = flag(KIND, Fhir.observations(observation("phq9", "44261-6", "2026-11-19",
        new IntegerType(total)))).orElseThrow();

    assertThat(flag.severity()).isEqualTo(Severity.CAUTION);
    assertThat(flag.evidence()).containsExactly(new Evidence("Observation/phq9",
        "PHQ-9 total score " + total + " (severe range, 20 or more) on 2026-11-19"));
  }

  @Test
  void aPhq9TotalBelowTwentyOrAnOlderSevereOneRaisesNoFlag() {
    assertThat(flag(KIND, Fhir.observations(observation("phq9", "44261-6", "2026-11-19", new IntegerType(19)))))
        .isEmpty();
    assertThat(flag(KIND, Fhir.observations(
        observation("old", "44261-6", "2026-06-01", new IntegerType(25)),
        observation("new", "44261-6", "2026-11-19", new IntegerType(12))))).isEmpty();
  }

  @Test
  void aNoteOnAnObservationThatMentionsSuicidalIdeationIsACautionOnThatObservation() {
    // as the v2.9 sample sends it: OBX PHQ-9 total 24, then NTE "Recent passive suicidal ideation, ..."
    Observation phq9 = observation("phq9", "44261-6", "2026-11-19", new IntegerType(14));
    phq9.addNote().setText("Recent passive suicidal ideation, safety plan in place; requesting expedited evaluation.");

    assertThat(flag(KIND, Fhir.observations(phq9)).orElseThrow().evidence()).containsExactly(new Evidence(
        "Observation/phq9", "the note on PHQ-9 total score mentions suicidal ideation or self-harm"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Recent passive suicidal ideation, safety plan in place",
      "History of suicide attempt (overdose, 2019).",
      "Denies homicidal ideation; endorses suicidal thoughts without plan",
      "No psychosis, but intermittent suicidal ideation",
      "Self-harm by cutting last month",
      "Says she would be better off dead"})
  void referralNotesThatMentionSuicidalityAreACaution(String note) {
    assertThat(flag(KIND, Fhir.notes(note)).orElseThrow().evidence())
        .containsExactly(new Evidence(null, "the referral notes mention suicidal ideation or self-harm"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Denies suicidal ideation.",
      "No suicidal thoughts or plans",
      "Screened negative for suicidality today",
      "Patient is not suicidal",
      "Never had suicidal ideation; no self-harm",
      "Failed adequate trials: sertraline, bupropion, venlafaxine."})
  void notesThatDenyOrDoNotMentionSuicidalityRaiseNoFlag(String note) {
    Observation phq9 = observation("phq9", "44261-6", "2026-11-19", new IntegerType(11));
    phq9.addNote().setText(note);

    assertThat(flag(KIND, Fhir.observations(phq9))).isEmpty();
    assertThat(flag(KIND, Fhir.notes(note))).isEmpty();
  }
}
