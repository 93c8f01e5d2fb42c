package org.referralbridge.infusion;

import org.referralbridge.vocabulary.CodeSystems;

/**
 * Every profile URL, code system and fixed code of infusion sessions and their summaries, in one place so a wrong one
 * is corrected once. System URIs shared with the referral translation come from {@link CodeSystems}; LOINC codes,
 * UCUM units and RxNorm codes from the vocabulary's {@code Loinc}, {@code Ucum} and {@code RxNorm}. Codes marked
 * (check) were not confirmed against the code system's own browser.
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

  // --- SNOMED CT routes of administration ---

  public static final String SCT_ROUTE_INTRAVENOUS = "47625008";
  public static final String SCT_ROUTE_INTRAMUSCULAR = "78421000";
  public static final String SCT_ROUTE_NASAL = "46713006";
  public static final String SCT_ROUTE_ORAL = "26643006";

  // --- other FHIR code systems ---

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
