package org.referralbridge.triage;

import static org.referralbridge.triage.DiagnosisCriterion.icd10;
import static org.referralbridge.triage.DiagnosisCriterion.snomed;
import static org.referralbridge.triage.Severity.CAUTION;
import static org.referralbridge.triage.Severity.CONTRAINDICATION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.RxNorm;

/**
 * Every code and threshold the screening rules use, in one place so a wrong one is corrected once; LOINC codes are
 * the vocabulary's {@link Loinc}, the ketamine RxNorm codes its {@link RxNorm}. Codes marked (check) were not
 * confirmed against the code system's own browser (see docs/domain.md). SNOMED CT codes match exactly (no
 * subsumption), ICD-10 codes by category or prefix ({@link IcdCodes}). In each list of {@link DiagnosisCriterion}s
 * the first criterion that matches a coding wins, so narrower codes come first.
 */
final class ScreeningCodes {

  static final String SNOMED = CodeSystems.SNOMED;
  static final String RXNORM = CodeSystems.RXNORM;

  static boolean isIcd10(Coding coding) {
    return CodeSystems.ICD10CM.equals(coding.getSystem()) || CodeSystems.ICD10.equals(coding.getSystem());
  }

  /** The name of a coding's system as staff read it in evidence. */
  static String systemName(String system) {
    if (CodeSystems.ICD10CM.equals(system)) {
      return "ICD-10-CM";
    }
    if (CodeSystems.ICD10.equals(system)) {
      return "ICD-10";
    }
    return SNOMED.equals(system) ? "SNOMED CT" : system;
  }

  // --- Resource states

  /** Condition.clinicalStatus codes of a condition that is no longer current: at most a caution. */
  static final Set<String> CONDITION_PAST = Set.of("inactive", "remission", "resolved");
  /** Condition.verificationStatus codes of a condition the patient does not have: ignored. */
  static final Set<String> CONDITION_NOT_HELD = Set.of("refuted", "entered-in-error");
  /** AllergyIntolerance.clinicalStatus codes that no longer apply. */
  static final Set<String> ALLERGY_PAST = Set.of("inactive", "resolved");

  // --- Uncontrolled hypertension

  /** Systolic mmHg at or above which the latest reading is a contraindication. */
  static final int SYSTOLIC_CONTRAINDICATION = 160;
  /** Diastolic mmHg at or above which the latest reading is a contraindication. */
  static final int DIASTOLIC_CONTRAINDICATION = 100;
  /** Systolic mmHg at or above which (below the contraindication) the latest reading is a caution. */
  static final int SYSTOLIC_CAUTION = 140;
  /** Diastolic mmHg at or above which (below the contraindication) the latest reading is a caution. */
  static final int DIASTOLIC_CAUTION = 90;
  /** A hypertension diagnosis: a caution whatever the readings. */
  static final List<DiagnosisCriterion> HYPERTENSION = List.of(
      icd10(CAUTION, "I10-I16"),
      snomed(CAUTION, "38341003")); // hypertensive disorder

  // --- Arrhythmia, cerebrovascular disease, recent myocardial infarction

  /**
   * Acute/subsequent MI (I21-I22), arrhythmias (I47-I49), cerebrovascular disease (I60-I69): contraindication.
   * Atrial fibrillation/flutter (I48) is a caution: it is common, often rate-controlled, and the anaesthesia provider
   * judges it case by case.
   */
  static final List<DiagnosisCriterion> CARDIOVASCULAR = List.of(
      icd10(CAUTION, "I48"),
      icd10(CONTRAINDICATION, "I21-I22", "I47-I49", "I60-I69"),
      snomed(CAUTION, "49436004"), // atrial fibrillation (check)
      snomed(CONTRAINDICATION,
          "698247007", // cardiac arrhythmia (check)
          "62914000", // cerebrovascular disease (check)
          "230690007", // cerebrovascular accident (check)
          "22298006", // myocardial infarction (check)
          "57054005")); // acute myocardial infarction (check)

  // --- Psychosis or mania

  /**
   * Psychotic disorders (F20-F29), manic episode (F30), and bipolar disorder whose current episode is hypomanic,
   * manic, mixed or psychotic (F31.0, F31.1x, F31.2, F31.5, F31.6x): contraindication. Depression with psychotic
   * features (F32.3, F33.3) is current psychosis too. Other bipolar codes (current depression without psychosis, in
   * remission, bipolar II, unspecified) are a caution: bipolar depression is itself treated with ketamine.
   */
  static final List<DiagnosisCriterion> PSYCHOSIS_OR_MANIA = List.of(
      icd10(CONTRAINDICATION, "F20-F29", "F30", "F31.0", "F31.1", "F31.2", "F31.5", "F31.6", "F32.3", "F33.3"),
      icd10(CAUTION, "F31"),
      snomed(CONTRAINDICATION,
          "69322001", // psychotic disorder
          "58214004", // schizophrenia (check)
          "231494001"), // mania (check)
      snomed(CAUTION, "13746004")); // bipolar disorder (check)

  // --- Pregnancy or breastfeeding

  /** Pregnancy (O00-O9A, Z33.1, Z34.x, Z3A weeks of gestation) is a contraindication, breastfeeding a caution. */
  static final List<DiagnosisCriterion> PREGNANCY = List.of(
      icd10(CONTRAINDICATION, "O00-O9A", "Z33.1", "Z34", "Z3A"),
      icd10(CAUTION, "Z39.1"),
      snomed(CONTRAINDICATION, "77386006"), // pregnant
      snomed(CAUTION, "169750002")); // currently breastfeeding
  static final String SCT_PREGNANT = "77386006";
  /**
   * Pregnancy tests (hCG presence) in urine and in serum or plasma, by LOINC code, with the name staff read in a
   * finding: the latest of either counts.
   */
  static final Map<String, String> HCG_TESTS = Map.of(
      Loinc.HCG_URINE.code(), "Urine hCG pregnancy test",
      Loinc.HCG_SERUM_OR_PLASMA.code(), "Serum hCG pregnancy test");
  /** A positive result: interpretation codes, SNOMED value codes, and the words senders put in string values. */
  static final Set<String> INTERPRETATION_POSITIVE = Set.of("POS");
  static final String SCT_POSITIVE = "10828004";
  static final Set<String> WORDS_POSITIVE = Set.of("positive", "pos");

  // --- Substance use disorder

  /**
   * Alcohol and drug use disorders F10-F19 except nicotine (F17: not a contraindication to ketamine, and its
   * remission codes are six characters). Ketamine and PCP are coded under F16 (hallucinogens). A code whose fifth
   * character is 1 ("in remission", e.g. F10.21, F11.11, F16.91) is a caution; any other is a contraindication.
   */
  static final List<DiagnosisCriterion> SUBSTANCE_USE = List.of(
      icd10(CAUTION, remissionCodes()),
      icd10(CONTRAINDICATION, "F10-F16", "F18-F19"));

  private static String[] remissionCodes() {
    List<String> codes = new ArrayList<>();
    for (String category : List.of("F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19")) {
      for (String use : List.of("1", "2", "9")) { // abuse, dependence, use
        codes.add(category + "." + use + "1");
      }
    }
    return codes.toArray(String[]::new);
  }

  // --- Benzodiazepines

  /** Lorazepam-equivalent mg per day at or above which benzodiazepine use is flagged. */
  static final BigDecimal LORAZEPAM_EQUIVALENT_MG_PER_DAY_CAUTION = new BigDecimal("4");

  /**
   * The benzodiazepines the screen knows, by RxNorm ingredient and by name (generic and brand, for text and notes),
   * with the dose equal to 1 mg lorazepam: alprazolam 0.5 mg, chlordiazepoxide 25 mg, clonazepam 0.5 mg, diazepam
   * 10 mg, lorazepam 1 mg, oxazepam 15 mg, temazepam 20 mg. Equivalences vary between tables; these are a screen.
   */
  enum Benzodiazepine {
    ALPRAZOLAM("alprazolam", "596", "0.5", "Xanax"),
    CHLORDIAZEPOXIDE("chlordiazepoxide", "2356", "25", "Librium"),
    CLONAZEPAM("clonazepam", "2598", "0.5", "Klonopin", "Rivotril"),
    DIAZEPAM("diazepam", "3322", "10", "Valium"),
    LORAZEPAM("lorazepam", "6470", "1", "Ativan"),
    OXAZEPAM("oxazepam", "7781", "15", "Serax"),
    TEMAZEPAM("temazepam", "10355", "20", "Restoril");

    final String genericName;
    final String rxnormIngredient;
    /** The dose of this drug, in mg, equal to 1 mg lorazepam. */
    final BigDecimal mgEqualToOneMgLorazepam;
    /** The generic or a brand name as a whole word, any case. */
    final Pattern name;

    Benzodiazepine(String genericName, String rxnormIngredient, String mgEqualToOneMgLorazepam,
        String... brandNames) {
      this.genericName = genericName;
      this.rxnormIngredient = rxnormIngredient;
      this.mgEqualToOneMgLorazepam = new BigDecimal(mgEqualToOneMgLorazepam);
      this.name = Pattern.compile("\\b(" + genericName + (brandNames.length == 0 ? "" : "|" + String.join("|",
          brandNames)) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
  }

  /** MedicationStatement.status codes of a medication the patient takes (or is about to): others are ignored. */
  static final Set<String> MEDICATION_CURRENT = Set.of("active", "intended", "unknown");
  /** Mass units of a dose and their factor to mg (UCUM codes and what senders write in Quantity.unit). */
  static final Map<String, BigDecimal> MASS_TO_MG = Map.of(
      "mg", BigDecimal.ONE,
      "g", new BigDecimal("1000"),
      "ug", new BigDecimal("0.001"),
      "mcg", new BigDecimal("0.001"));
  /** Timing.repeat.periodUnit (UCUM) → days. */
  static final Map<String, BigDecimal> PERIOD_UNIT_DAYS = Map.of(
      "s", BigDecimal.ONE.divide(new BigDecimal("86400"), java.math.MathContext.DECIMAL64),
      "min", BigDecimal.ONE.divide(new BigDecimal("1440"), java.math.MathContext.DECIMAL64),
      "h", BigDecimal.ONE.divide(new BigDecimal("24"), java.math.MathContext.DECIMAL64),
      "d", BigDecimal.ONE,
      "wk", new BigDecimal("7"),
      "mo", new BigDecimal("30"),
      "a", new BigDecimal("365"));
  /** Timing.code (HL7 timing abbreviations) → administrations per day. */
  static final Map<String, BigDecimal> TIMING_CODE_PER_DAY = Map.ofEntries(
      Map.entry("QD", BigDecimal.ONE),
      Map.entry("AM", BigDecimal.ONE),
      Map.entry("PM", BigDecimal.ONE),
      Map.entry("BED", BigDecimal.ONE),
      Map.entry("BID", new BigDecimal("2")),
      Map.entry("TID", new BigDecimal("3")),
      Map.entry("QID", new BigDecimal("4")),
      Map.entry("QOD", new BigDecimal("0.5")),
      Map.entry("Q1H", new BigDecimal("24")),
      Map.entry("Q2H", new BigDecimal("12")),
      Map.entry("Q3H", new BigDecimal("8")),
      Map.entry("Q4H", new BigDecimal("6")),
      Map.entry("Q6H", new BigDecimal("4")),
      Map.entry("Q8H", new BigDecimal("3")));

  // --- Suicidality

  /** The lowest PHQ-9 total score in the "severe" range, 20 to 27 (Kroenke et al. 2001): a caution. */
  static final int PHQ9_TOTAL_SEVERE = 20;
  /** LOINC answers of PHQ-9 items (item 9: any score above 0 is positive) and their scores. */
  static final Map<String, Integer> PHQ9_ANSWER_SCORES = Map.of(
      Loinc.ANSWER_NOT_AT_ALL.code(), 0,
      Loinc.ANSWER_SEVERAL_DAYS.code(), 1,
      Loinc.ANSWER_MORE_THAN_HALF_THE_DAYS.code(), 2,
      Loinc.ANSWER_NEARLY_EVERY_DAY.code(), 3);
  /** Suicidal ideation (R45.851), suicide attempt (T14.91), suicidal thoughts (SNOMED 6471006): a caution. */
  static final List<DiagnosisCriterion> SUICIDALITY = List.of(
      icd10(CAUTION, "R45.851", "T14.91"),
      snomed(CAUTION, "6471006"));

  // --- Ketamine hypersensitivity

  /** RxNorm ketamine (check) and esketamine nasal spray; names match anywhere in the allergy's text. */
  static final Set<String> RXNORM_KETAMINE = Set.of(RxNorm.KETAMINE.code(), RxNorm.ESKETAMINE_NASAL_SPRAY.code());
  static final Pattern KETAMINE_NAMES = Pattern.compile("ketamine|ketalar|spravato", Pattern.CASE_INSENSITIVE);

  private ScreeningCodes() {}
}
