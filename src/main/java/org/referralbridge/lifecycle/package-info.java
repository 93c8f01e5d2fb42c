/**
 * The referral's lifecycle from the referrer's side (HL7 v2 chapter 11): a referrer's modification (REF^I13),
 * cancellation (REF^I14) and status request (REF^I15) applied to the referral they sent and answered with an RRI;
 * later results (ORU^R01) and documents (MDM^T01/T02) attached to the patient's open referral, with an application
 * acknowledgement where the sender asks for one (MSH-16) or the clinic's setting says so. A message for a referral
 * not written yet is held until it is.
 */
package org.referralbridge.lifecycle;
