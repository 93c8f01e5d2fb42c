package org.referralbridge.outbound.hl7;

import java.time.Instant;
import java.util.Objects;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * What the clinic decided about a referral, the part of a {@link StatusNotice} that is not in the stored FHIR
 * resources.
 *
 * @param status the new RF1-1 status
 * @param comment reason or comment for the referrer; may be null
 * @param scheduledStart the booked first session; may be null
 */
public record StatusChange(ReferralStatus status, String comment, Instant scheduledStart) {

  public StatusChange {
    Objects.requireNonNull(status, "status");
  }
}
