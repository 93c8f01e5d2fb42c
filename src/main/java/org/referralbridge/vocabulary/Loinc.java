package org.referralbridge.vocabulary;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * Every LOINC code the bridge reads or writes, with the display it sends. Displays are the LOINC long common name
 * where the project's copies disagreed or had none; where they all agreed on a shorter name (the instrument scores,
 * the panels) that name is kept, so the messages partners already receive do not change. Codes marked (check) were not
 * confirmed against LOINC's own browser.
 */
public enum Loinc implements Coded {

  // --- outcome and screening instruments (Observation.category "survey")

  PHQ9_TOTAL("44261-6", "PHQ-9 total score"),
  PHQ9_PANEL("44249-1", "PHQ-9 panel"),
  /** PHQ-9 item 9: thoughts of being better off dead or of self-harm. */
  PHQ9_ITEM9("44260-8",
      "Thoughts that you would be better off dead, or of hurting yourself in some way in last 2 weeks [Reported.PHQ]"),
  GAD7_TOTAL("70274-6", "GAD-7 total score"),
  GAD7_PANEL("69737-5", "GAD-7 panel"),
  /** PCL-5 total score (check). */
  PCL5_TOTAL("101698-9", "PCL-5 total score"),
  PCL5_PANEL("101697-1", "PCL-5 panel"),
  /** C-SSRS panel: the only C-SSRS code the bridge knows; infusion sessions use it for the C-SSRS score. */
  CSSRS_PANEL("93245-9", "C-SSRS panel"),

  // --- vital signs, as the R4 vital signs profiles name them

  BP_PANEL("85354-9", "Blood pressure panel with all children optional"),
  SYSTOLIC_BP("8480-6", "Systolic blood pressure"),
  DIASTOLIC_BP("8462-4", "Diastolic blood pressure"),
  HEART_RATE("8867-4", "Heart rate"),
  RESPIRATORY_RATE("9279-1", "Respiratory rate"),
  /** SpO2 by pulse oximetry. */
  SPO2_PULSE_OXIMETRY("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
  /** The code the R4 vital signs profile requires for SpO2; sent beside 59408-5, as US Core does. */
  OXYGEN_SATURATION("2708-6", "Oxygen saturation in Arterial blood"),
  /** Body weight (check). */
  BODY_WEIGHT("29463-7", "Body weight"),

  // --- pregnancy

  PREGNANCY_STATUS("82810-3", "Pregnancy status"),
  /** hCG pregnancy test in urine. */
  HCG_URINE("2106-3", "Choriogonadotropin [Presence] in Urine"),
  /** hCG pregnancy test in serum or plasma. */
  HCG_SERUM_OR_PLASMA("2118-8", "Choriogonadotropin [Presence] in Serum or Plasma"),

  // --- documents

  /** Type of the DocumentReference holding the original referral message. */
  REFERRAL_NOTE("57133-1", "Referral note"),
  /** Consult note (check): type of the feedback document and OBX-3 of the summary PDF. */
  CONSULT_NOTE("11488-4", "Consult note"),

  // --- answers (LOINC answer lists)

  ANSWER_YES("LA33-6", "Yes"),
  ANSWER_NOT_AT_ALL("LA6568-5", "Not at all"),
  ANSWER_SEVERAL_DAYS("LA6569-3", "Several days"),
  ANSWER_MORE_THAN_HALF_THE_DAYS("LA6570-1", "More than half the days"),
  ANSWER_NEARLY_EVERY_DAY("LA6571-9", "Nearly every day");

  private final String code;
  private final String display;

  Loinc(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The constant with this code, with surrounding blanks and in any case; empty for null or an unknown code. */
  public static Optional<Loinc> fromCode(String code) {
    return Coded.find(Loinc.class, code);
  }

  /** The LOINC code, e.g. "8480-6". */
  @Override
  public String code() {
    return code;
  }

  /** The display sent with the code, e.g. "Systolic blood pressure". */
  public String display() {
    return display;
  }

  /** A new FHIR Coding: system {@link CodeSystems#LOINC}, this code and display. */
  public Coding coding() {
    return new Coding(CodeSystems.LOINC, code, display);
  }
}
