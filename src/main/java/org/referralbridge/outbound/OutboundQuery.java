package org.referralbridge.outbound;

import java.time.Instant;

/**
 * Which outbound messages an operator is looking for; every criterion is optional (null or blank: any).
 *
 * @param status delivery state
 * @param kind STATUS or SUMMARY
 * @param partner the partner's Organization id, exactly
 * @param serviceRequest the referral's ServiceRequest id (e.g. "12"), exactly
 * @param createdFrom created at or after
 * @param createdTo created before
 */
public record OutboundQuery(OutboundStatus status, OutboundMessage.Kind kind, String partner, String serviceRequest,
    Instant createdFrom, Instant createdTo) {

  public static OutboundQuery any() {
    return new OutboundQuery(null, null, null, null, null, null);
  }

  /** True when no criterion is set. */
  public boolean isEmpty() {
    return status == null && kind == null && blank(partner) && blank(serviceRequest) && createdFrom == null
        && createdTo == null;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
