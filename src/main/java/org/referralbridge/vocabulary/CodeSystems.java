package org.referralbridge.vocabulary;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every code system URI and every fixed code the translators use, in one place so a wrong one is corrected once.
 * LOINC codes are in {@link Loinc}. Codes marked (check) were not confirmed against the code system's own browser.
 */
public final class CodeSystems {

  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  public static final String ICD9CM = "http://hl7.org/fhir/sid/icd-9-cm";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  public static final String SSN = "http://hl7.org/fhir/sid/us-ssn";
  public static final String ISO639 = "urn:ietf:bcp:47";
  public static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
  public static final String V2_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0003";
  public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  public static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  public static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
  public static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
  public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
  public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  /** BSeR (STU2) Task business status code system; a copy of its codes is in fhir-profiles/ for validation. */
  public static final String BSER_BUSINESS_STATUS = "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS";
  public static final String MEDIA_HL7V2 = "x-application/hl7-v2+er7";

  /** SNOMED CT 3457005 "Patient referral" (check): ServiceRequest.code and category of every referral. */
  public static final String SCT_PATIENT_REFERRAL = "3457005";
  /** v2 table 0203 identifier type of a social security number (PID-19). */
  public static final String ID_TYPE_SSN = "SS";
  /**
   * The screening instruments a referral to a ketamine clinic carries (category "survey"), by LOINC code: a map so a
   * code read from a message is looked up as it is.
   */
  public static final Map<String, Loinc> SCREENING_SCORES = byCode(Loinc.PHQ9_TOTAL, Loinc.PHQ9_PANEL,
      Loinc.GAD7_TOTAL, Loinc.GAD7_PANEL, Loinc.PCL5_TOTAL, Loinc.PCL5_PANEL, Loinc.CSSRS_PANEL);

  private static final Map<String, String> V2_CODING_SYSTEMS = Map.ofEntries(
      Map.entry("LN", LOINC),
      Map.entry("LOINC", LOINC),
      Map.entry("SCT", SNOMED),
      Map.entry("SNM", SNOMED),
      Map.entry("SNOMED", SNOMED),
      Map.entry("I10", ICD10CM),
      Map.entry("I10C", ICD10CM),
      Map.entry("ICD10CM", ICD10CM),
      Map.entry("I10P", "http://www.cms.gov/Medicare/Coding/ICD10"),
      Map.entry("ICD10", ICD10),
      Map.entry("I9C", ICD9CM),
      Map.entry("I9CM", ICD9CM),
      Map.entry("RXNORM", RXNORM),
      Map.entry("RXN", RXNORM),
      Map.entry("UCUM", UCUM),
      Map.entry("ISO639", ISO639),
      Map.entry("ISO+", "urn:iso:std:iso:2955"));

  private CodeSystems() {}

  private static Map<String, Loinc> byCode(Loinc... codes) {
    return Stream.of(codes).collect(Collectors.toUnmodifiableMap(Loinc::code, Function.identity()));
  }

  /**
   * The FHIR system URI for a v2 coding-system name (CWE-3): HL7 tables ("HL70283") become
   * terminology.hl7.org v2 code systems, known external systems their canonical URI; unknown local names
   * return null (the code is then kept as text only, never given an invented system).
   */
  public static String forV2Name(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.matches("HL7\\d{4}")) {
      return v2Table(upper.substring(3));
    }
    return V2_CODING_SYSTEMS.get(upper);
  }

  /** The code system of HL7 v2 table {@code number} (4 digits). */
  public static String v2Table(String number) {
    return "http://terminology.hl7.org/CodeSystem/v2-" + number;
  }
}
