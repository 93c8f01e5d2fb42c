package org.referralbridge.outbound.hl7;

import org.referralbridge.vocabulary.Loinc;

/**
 * Every code the outbound messages use, in one place so a wrong one is corrected once. LOINC codes come from
 * {@link Loinc} (as {@link Code#loinc}), units from {@link org.referralbridge.vocabulary.Ucum}. Local codes
 * ({@link #LOCAL}) are this project's own: MADRS, CADSS and the ketamine dose have no LOINC code we could confirm, and
 * the PCL-5 total score's LOINC code ({@link Loinc#PCL5_TOTAL}) is unconfirmed, so it is sent as a local code until it
 * is.
 */
public final class OutboundCodes {

  /** HL7 v2 coding system names (table 0396). */
  public static final String LOINC = "LN";
  public static final String LOCAL = "L";
  public static final String UCUM = "UCUM";

  static final String HL7_VERSION = "2.5.1";
  static final String PROCESSING_PRODUCTION = "P";
  static final String CHARACTER_SET = "UNICODE UTF-8";

  /** PRD-1 provider roles (table 0286). */
  static final Code ROLE_REFERRING = new Code("RP", "Referring Provider", "HL70286");
  static final Code ROLE_REFERRED_TO = new Code("RT", "Referred to Provider", "HL70286");

  /** NTE-2 source of comment (table 0105): L, the ancillary (filler) department, i.e. the clinic. */
  static final String COMMENT_SOURCE_FILLER = "L";
  /** PV1-2 patient class (table 0004): outpatient. */
  static final String PATIENT_CLASS_OUTPATIENT = "O";
  /** XTN-2 work number, XTN-3 telephone (tables 0201, 0202). */
  static final String PHONE_USE_WORK = "WPN";
  static final String PHONE_EQUIPMENT_TELEPHONE = "PH";
  /** The NPI as an assigning authority (CMS's OID) and identifier type (table 0203). */
  static final String NPI = "NPI";
  static final String NPI_OID = "2.16.840.1.113883.4.6";

  /** TXA-2 document type (table 0270): CN consultation. */
  static final String DOCUMENT_TYPE_CONSULT = "CN";
  /** TXA-3 content presentation (table 0191): AP other application data (the PDF). */
  static final String PRESENTATION_APPLICATION = "AP";
  /** TXA-19 document availability (table 0273): AV available for patient care. */
  static final String AVAILABILITY_AVAILABLE = "AV";
  /** The ED data type's type of data, subtype and encoding (tables 0191, 0291, 0299). */
  static final String ED_TYPE_APPLICATION = "application";
  static final String ED_SUBTYPE_PDF = "pdf";
  static final String ED_ENCODING_BASE64 = "Base64";
  /** OBX-11 / OBR-25 result status: F final. */
  static final String RESULT_FINAL = "F";

  /** OBR-4 of the structured summary. */
  public static final Code INFUSION_SUMMARY = new Code("KETAMINE-INFUSION-SUMMARY", "Ketamine infusion summary", LOCAL);

  public static final Code PCL5_TOTAL = new Code("PCL5-TOTAL", "PCL-5 total score", LOCAL);
  public static final Code MADRS_TOTAL = new Code("MADRS-TOTAL", "MADRS total score", LOCAL);
  public static final Code CADSS_TOTAL = new Code("CADSS-TOTAL", "CADSS total score", LOCAL);
  public static final Code KETAMINE_DOSE = new Code("KETAMINE-DOSE", "Ketamine dose administered", LOCAL);
  public static final Code KETAMINE_DOSE_PER_KG =
      new Code("KETAMINE-DOSE-PER-KG", "Ketamine dose per body weight", LOCAL);

  private OutboundCodes() {}
}
