package org.referralbridge.vocabulary;

/**
 * The UCUM units the bridge writes (system {@link CodeSystems#UCUM}); the code is also sent as the human-readable
 * unit. Units read from senders are matched more loosely where they are read.
 */
public enum Ucum {
  MG("mg"),
  MG_PER_KG("mg/kg"),
  KG("kg"),
  MM_HG("mm[Hg]"),
  PER_MIN("/min"),
  PERCENT("%"),
  /** A score of an instrument (an annotation: dimensionless). */
  SCORE("{score}");

  private final String code;

  Ucum(String code) {
    this.code = code;
  }

  /** The UCUM code, e.g. "mm[Hg]". */
  public String code() {
    return code;
  }
}
