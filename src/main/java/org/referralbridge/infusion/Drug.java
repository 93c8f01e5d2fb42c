package org.referralbridge.infusion;

/** The drug given in a session, with its RxNorm code (see {@link InfusionCodes}). */
public enum Drug {
  KETAMINE_RACEMIC("Racemic ketamine", InfusionCodes.RXNORM_KETAMINE),
  ESKETAMINE("Esketamine nasal spray", InfusionCodes.RXNORM_ESKETAMINE_NASAL_SPRAY);

  private final String label;
  private final String rxNorm;

  Drug(String label, String rxNorm) {
    this.label = label;
    this.rxNorm = rxNorm;
  }

  /** How a person reads it: "Racemic ketamine". */
  public String label() {
    return label;
  }

  public String rxNorm() {
    return rxNorm;
  }
}
