package org.referralbridge.infusion;

/** Dissociation rating scales; both have project codes ({@link InfusionCodes#INSTRUMENTS}). */
public enum DissociationScale {
  CADSS("CADSS", InfusionCodes.PROJECT_CADSS, "CADSS total score", 92),
  CADSS_6("CADSS-6", InfusionCodes.PROJECT_CADSS_6, "CADSS-6 total score", 24);

  private final String label;
  private final String code;
  private final String display;
  private final int maxScore;

  DissociationScale(String label, String code, String display, int maxScore) {
    this.label = label;
    this.code = code;
    this.display = display;
    this.maxScore = maxScore;
  }

  public String label() {
    return label;
  }

  public String code() {
    return code;
  }

  /** The display in CodeSystem-instruments.json. */
  public String display() {
    return display;
  }

  public int maxScore() {
    return maxScore;
  }
}
