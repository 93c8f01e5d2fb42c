package org.referralbridge.infusion;

import org.referralbridge.vocabulary.CodeSystems;

/**
 * Every profile URL, code system and fixed code of infusion sessions and their summaries, in one place so a wrong one
 * is corrected once. System URIs shared with the referral translation come from {@link CodeSystems}. Codes marked
 * (check) in docs/domain.md were not confirmed against the code system's own browser.
 */
public final class InfusionCodes {

  // --- profiles and project code systems (fhir-profiles/) ---

  /** StructureDefinition of the Procedure of one session (basedOn, subject, performed[x] required). */
  public static final String PROFILE_INFUSION_PROCEDURE =
      "http://referralbridge.org/fhir/StructureDefinition/infusion-procedure";
  /** Project CodeSystem for instruments without a LOINC code, the session procedure and adverse events. */
  public static final String INSTRUMENTS = "http://referralbridge.org/fhir/CodeSystem/instruments";
  /**
   * Identifier system of the resources of one session; the value is the name-based UUID of the resource's fullUrl,
   * so a session written twice is created once (conditional create on this identifier).
   */
  public static final String SESSION_RESOURCE_IDENTIFIER = "http://referralbridge.org/fhir/sid/infusion-session";
  /** Identifier system of summary documents (Bundle.identifier and Composition.identifier). */
  public static final String SUMMARY_DOCUMENT_IDENTIFIER = "http://referralbridge.org/fhir/sid/summary-document";

  // --- project codes (CodeSystem-instruments.json) ---

  public static final String PROJECT_KETAMINE_INFUSION = "ketamine-infusion";
  public static final String PROJECT_KETAMINE_INFUSION_DISPLAY = "Ketamine infusion";
  public static final String PROJECT_ADVERSE_EVENT = "adverse-event";
  public static final String PROJECT_ADVERSE_EVENT_DISPLAY = "Adverse event during a ketamine session";
  public static final String PROJECT_MADRS = "MADRS";
  public static final String PROJECT_CADSS = "CADSS";
  public static final String PROJECT_CADSS_6 = "CADSS-6";

  // --- LOINC: outcome scores ---

  public static final String LOINC_PHQ9_TOTAL = "44261-6";
  public static final String LOINC_GAD7_TOTAL = "70274-6";
  /** PCL-5 total score (check). */
  public static final String LOINC_PCL5_TOTAL = "101698-9";
  /** C-SSRS panel: the only C-SSRS code in docs/domain.md; used for the C-SSRS score. */
  public static final String LOINC_CSSRS_PANEL = "93245-9";

  // --- LOINC: vital signs (check: 29463-7), as the R4 vital signs profiles name them ---

  public static final String LOINC_BP_PANEL = "85354-9";
  public static final String LOINC_BP_PANEL_DISPLAY = "Blood pressure panel with all children optional";
  public static final String LOINC_SYSTOLIC = "8480-6";
  public static final String LOINC_SYSTOLIC_DISPLAY = "Systolic blood pressure";
  public static final String LOINC_DIASTOLIC = "8462-4";
  public static final String LOINC_DIASTOLIC_DISPLAY = "Diastolic blood pressure";
  public static final String LOINC_HEART_RATE = "8867-4";
  public static final String LOINC_HEART_RATE_DISPLAY = "Heart rate";
  public static final String LOINC_RESPIRATORY_RATE = "9279-1";
  public static final String LOINC_RESPIRATORY_RATE_DISPLAY = "Respiratory rate";
  /** SpO2 by pulse oximetry (the code docs/domain.md gives). */
  public static final String LOINC_SPO2_PULSE_OXIMETRY = "59408-5";
  public static final String LOINC_SPO2_PULSE_OXIMETRY_DISPLAY =
      "Oxygen saturation in Arterial blood by Pulse oximetry";
  /** Oxygen saturation: the code the R4 vital signs profile requires; sent beside 59408-5, as US Core does. */
  public static final String LOINC_OXYGEN_SATURATION = "2708-6";
  public static final String LOINC_OXYGEN_SATURATION_DISPLAY = "Oxygen saturation in Arterial blood";
  public static final String LOINC_BODY_WEIGHT = "29463-7";
  public static final String LOINC_BODY_WEIGHT_DISPLAY = "Body weight";

  // --- LOINC: documents ---

  /** Consult note (check): type of the feedback document. */
  public static final String LOINC_CONSULT_NOTE = "11488-4";
  public static final String LOINC_CONSULT_NOTE_DISPLAY = "Consult note";

  // --- RxNorm ---

  /** Ketamine, ingredient (check). */
  public static final String RXNORM_KETAMINE = "6130";
  /** Esketamine nasal spray. */
  public static final String RXNORM_ESKETAMINE_NASAL_SPRAY = "2201623";

  // --- SNOMED CT routes of administration ---

  public static final String SCT_ROUTE_INTRAVENOUS = "47625008";
  public static final String SCT_ROUTE_INTRAMUSCULAR = "78421000";
  public static final String SCT_ROUTE_NASAL = "46713006";
  public static final String SCT_ROUTE_ORAL = "26643006";

  // --- UCUM units ---

  public static final String UCUM_MG = "mg";
  public static final String UCUM_KG = "kg";
  public static final String UCUM_MM_HG = "mm[Hg]";
  public static final String UCUM_PER_MIN = "/min";
  public static final String UCUM_PERCENT = "%";

  // --- other FHIR code systems ---

  public static final String LOINC = CodeSystems.LOINC;
  public static final String SNOMED = CodeSystems.SNOMED;
  public static final String RXNORM = CodeSystems.RXNORM;
  public static final String UCUM = CodeSystems.UCUM;
  public static final String OBSERVATION_CATEGORY = CodeSystems.OBSERVATION_CATEGORY;
  public static final String CATEGORY_VITAL_SIGNS = "vital-signs";
  public static final String CATEGORY_SURVEY = "survey";
  public static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
  public static final String V2_IDENTIFIER_TYPE = CodeSystems.V2_IDENTIFIER_TYPE;
  /** v2 table 0203 identifier type of the placer's (the referrer's) id of a referral. */
  public static final String ID_TYPE_PLACER = "PLAC";

  private InfusionCodes() {}
}
