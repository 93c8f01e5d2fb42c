package org.referralbridge.outbound.hl7;

/** RF1-2 referral priority, HL7 table 0280. */
public enum ReferralPriority {
  STAT("S", "STAT"),
  ASAP("A", "ASAP"),
  ROUTINE("R", "Routine");

  private final String code;
  private final String display;

  ReferralPriority(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The table 0280 code, e.g. "R". */
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }
}
