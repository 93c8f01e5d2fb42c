package org.referralbridge.infusion;

import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.Loinc;

/**
 * Outcome instruments scored before and after a session. {@link #responseApplies()} says whether "response" (a
 * reduction of at least half from baseline) means anything for it: not for the C-SSRS, a risk screen.
 */
public enum Instrument {
  PHQ9("PHQ-9", Loinc.PHQ9_TOTAL, "PHQ-9 total score", 27, true),
  GAD7("GAD-7", Loinc.GAD7_TOTAL, "GAD-7 total score", 21, true),
  PCL5("PCL-5", Loinc.PCL5_TOTAL, "PCL-5 total score", 80, true),
  MADRS("MADRS", InfusionCodes.INSTRUMENTS, InfusionCodes.PROJECT_MADRS, "MADRS total score", 60, true),
  CSSRS("C-SSRS", Loinc.CSSRS_PANEL, "C-SSRS score", null, false);

  private final String label;
  private final String system;
  private final String code;
  private final String text;
  private final Integer maxScore;
  private final boolean responseApplies;

  Instrument(String label, Loinc loinc, String text, Integer maxScore, boolean responseApplies) {
    this(label, CodeSystems.LOINC, loinc.code(), text, maxScore, responseApplies);
  }

  Instrument(String label, String system, String code, String text, Integer maxScore, boolean responseApplies) {
    this.label = label;
    this.system = system;
    this.code = code;
    this.text = text;
    this.maxScore = maxScore;
    this.responseApplies = responseApplies;
  }

  /** "PHQ-9". */
  public String label() {
    return label;
  }

  public String system() {
    return system;
  }

  public String code() {
    return code;
  }

  /** CodeableConcept.text of its Observations: "PHQ-9 total score". */
  public String text() {
    return text;
  }

  /**
   * Highest possible score, a score above it is refused as a typo; null where the instrument has no single total
   * (the C-SSRS: what its score counts depends on the version the clinic uses).
   */
  public Integer maxScore() {
    return maxScore;
  }

  public boolean responseApplies() {
    return responseApplies;
  }

  /** Whether the code is a project code (the display must then match CodeSystem-instruments.json). */
  boolean isProjectCode() {
    return InfusionCodes.INSTRUMENTS.equals(system);
  }
}
