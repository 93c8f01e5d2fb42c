package org.referralbridge.triage;

/** HL7 v2 table 0283 (referral status), sent back to the referrer in RF1-1. */
public enum Rf1Status {

  ACCEPTED("A", "Accepted"),
  REJECTED("R", "Rejected"),
  PENDING("P", "Pending"),
  EXPIRED("E", "Expired");

  private final String code;
  private final String display;

  Rf1Status(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The value of RF1-1.1. */
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }
}
