package org.referralbridge.outbound.hl7;

import java.time.Instant;
import java.util.Objects;
import org.referralbridge.vocabulary.ReferralEvent;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * What the clinic decided about a referral, or what it answers to a referrer's request, the part of a
 * {@link StatusNotice} that is not in the stored FHIR resources.
 *
 * @param status the new (or, answering a status request, the current) RF1-1 status
 * @param comment reason or comment for the referrer; may be null
 * @param scheduledStart the booked first session; may be null
 * @param answers the referrer's message this answers: its event is the RRI's (RRI^I14 confirms a REF^I14)
 * @param answersControlId MSH-10 of that message, echoed in MSA-2; null for the original referral's (a decision
 *     of the clinic's answers the referral itself)
 */
public record StatusChange(ReferralStatus status, String comment, Instant scheduledStart, ReferralEvent answers,
    String answersControlId) {

  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(answers, "answers");
  }

  /** A decision of the clinic's about the referral (RRI^I12 answering the original referral). */
  public StatusChange(ReferralStatus status, String comment, Instant scheduledStart) {
    this(status, comment, scheduledStart, ReferralEvent.NEW_REFERRAL, null);
  }
}
