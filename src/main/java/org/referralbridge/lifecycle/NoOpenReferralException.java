package org.referralbridge.lifecycle;

/**
 * Results from a referrer about a patient with no open referral from that referrer (none received, or it was
 * declined, cancelled or completed): the message is kept and listed for staff, who may replay it once a referral
 * is open. Its text names ids only, no patient data.
 */
public class NoOpenReferralException extends RuntimeException {

  public NoOpenReferralException(String message) {
    super(message);
  }
}
