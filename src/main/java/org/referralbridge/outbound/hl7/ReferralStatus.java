package org.referralbridge.outbound.hl7;

/** RF1-1 referral status, HL7 table 0283. */
public enum ReferralStatus {
  ACCEPTED("A", "Accepted"),
  REJECTED("R", "Rejected"),
  PENDING("P", "Pending"),
  EXPIRED("E", "Expired");

  private final String code;
  private final String display;

  ReferralStatus(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The table 0283 code, e.g. "A". */
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }
}
