package org.referralbridge.vocabulary;

/**
 * The RxNorm codes (system {@link CodeSystems#RXNORM}) more than one feature uses: the drugs a session gives and the
 * allergy screen looks for. Codes marked (check) were not confirmed against RxNav.
 */
public enum RxNorm {
  /** Ketamine, ingredient (check). */
  KETAMINE("6130"),
  /** Esketamine nasal spray. */
  ESKETAMINE_NASAL_SPRAY("2201623");

  private final String code;

  RxNorm(String code) {
    this.code = code;
  }

  /** The RxNorm concept id (RXCUI), e.g. "6130". */
  public String code() {
    return code;
  }
}
