/**
 * The referral's lifecycle from the referrer's side (HL7 v2 chapter 11): a referrer's cancellation (REF^I14) and
 * status request (REF^I15) applied to the referral they sent, and answered with an RRI. A message for a referral
 * not written yet is held until it is.
 */
package org.referralbridge.lifecycle;
