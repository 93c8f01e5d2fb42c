package org.referralbridge.outbound.hl7;

import java.util.Objects;

/**
 * The two ids of one referral.
 *
 * @param originating the referrer's own id (RF1-6 originating referral identifier, OBR-2 / TXA-14 placer number),
 *     with the namespace it was sent with
 * @param clinic the clinic's id for the same referral (RF1-11 external referral identifier, TXA-15 filler number);
 *     may be null
 */
public record ReferralIds(AssignedId originating, AssignedId clinic) {

  public ReferralIds {
    Objects.requireNonNull(originating, "originating referral id (RF1-6)");
  }
}
