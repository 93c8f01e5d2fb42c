package org.referralbridge.lifecycle;

/**
 * A referrer's cancellation or status request for a referral this service has not written (yet): the referral
 * message may still be on its way, or waiting for attention. The message is held until the referral is written.
 * Its text names ids only, no patient data.
 */
public class ReferralNotReceivedException extends RuntimeException {

  public ReferralNotReceivedException(String message) {
    super(message);
  }
}
