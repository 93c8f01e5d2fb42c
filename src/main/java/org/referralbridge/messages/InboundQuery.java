package org.referralbridge.messages;

import java.time.Instant;

/**
 * Which accepted messages an operator is looking for; every criterion is optional (null or blank: any).
 *
 * @param status where the message stands
 * @param sender the sender key exactly, e.g. {@code NORTHSIDE_EHR^NORTHSIDE_PSYCH}
 * @param controlId the sender's MSH-10 exactly
 * @param referralKey part of the referral key (sender key + "|" + the sender's referral id), e.g. the referral id
 * @param receivedFrom received at or after
 * @param receivedTo received before
 */
public record InboundQuery(MessageStatus status, String sender, String controlId, String referralKey,
    Instant receivedFrom, Instant receivedTo) {

  public static InboundQuery any() {
    return new InboundQuery(null, null, null, null, null, null);
  }

  public static InboundQuery withStatus(MessageStatus status) {
    return new InboundQuery(status, null, null, null, null, null);
  }

  /** True when no criterion is set. */
  public boolean isEmpty() {
    return status == null && SqlFilter.blank(sender) && SqlFilter.blank(controlId) && SqlFilter.blank(referralKey)
        && receivedFrom == null && receivedTo == null;
  }
}
