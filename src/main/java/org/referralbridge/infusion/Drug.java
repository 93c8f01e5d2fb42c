package org.referralbridge.infusion;

import org.referralbridge.vocabulary.RxNorm;

/** The drug given in a session, with its RxNorm code. */
public enum Drug {
  KETAMINE_RACEMIC("Racemic ketamine", RxNorm.KETAMINE),
  ESKETAMINE("Esketamine nasal spray", RxNorm.ESKETAMINE_NASAL_SPRAY);

  private final String label;
  private final RxNorm rxNorm;

  Drug(String label, RxNorm rxNorm) {
    this.label = label;
    this.rxNorm = rxNorm;
  }

  /** How a person reads it: "Racemic ketamine". */
  public String label() {
    return label;
  }

  /** The RxNorm code, e.g. "6130". */
  public String rxNorm() {
    return rxNorm.code();
  }
}
