package org.referralbridge.infusion;

/** Route of administration, with its SNOMED CT code (see {@link InfusionCodes}). */
public enum Route {
  IV("IV", "Intravenous", InfusionCodes.SCT_ROUTE_INTRAVENOUS, "Intravenous route"),
  IM("IM", "Intramuscular", InfusionCodes.SCT_ROUTE_INTRAMUSCULAR, "Intramuscular route"),
  INTRANASAL("intranasal", "Intranasal", InfusionCodes.SCT_ROUTE_NASAL, "Nasal route"),
  ORAL("oral", "Oral", InfusionCodes.SCT_ROUTE_ORAL, "Oral route");

  private final String abbreviation;
  private final String label;
  private final String snomed;
  private final String snomedDisplay;

  Route(String abbreviation, String label, String snomed, String snomedDisplay) {
    this.abbreviation = abbreviation;
    this.label = label;
    this.snomed = snomed;
    this.snomedDisplay = snomedDisplay;
  }

  /** As written in a dose line: "IV", "intranasal". */
  public String abbreviation() {
    return abbreviation;
  }

  /** As a heading or table cell: "Intravenous". */
  public String label() {
    return label;
  }

  public String snomed() {
    return snomed;
  }

  public String snomedDisplay() {
    return snomedDisplay;
  }
}
