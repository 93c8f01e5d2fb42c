package org.referralbridge.triage;

/** How strongly a screening flag speaks against ketamine; staff decide, the flag only informs. */
public enum Severity {

  /** The data shows a contraindication named in the clinic's screen; a provider must review before accepting. */
  CONTRAINDICATION("Contraindication"),
  /** The data needs a provider's attention (a relative contraindication, a history, or missing detail). */
  CAUTION("Caution");

  private final String title;

  Severity(String title) {
    this.title = title;
  }

  /** The label shown to staff. */
  public String title() {
    return title;
  }
}
