package org.referralbridge.outbound;

import java.time.Instant;

/**
 * One message to a partner, as the outbound store keeps it.
 *
 * @param kind STATUS or SUMMARY
 * @param serviceRequestId the referral it is about (messages of one referral are delivered in order); null for an
 *     acknowledgement of results that matched no referral
 * @param channel MLLP or FHIR (null: none)
 * @param address host:port or FHIR base URL
 * @param format RRI_I12, MDM_T02, ORU_R01, ACK or FHIR
 * @param controlId the v2 control id (kept across retries, so a receiver can recognise a repeat)
 * @param description what staff see, e.g. "Status: Accepted (RRI^I12)"
 * @param content the message (v2 text, or FHIR JSON with the request line in {@code resourcePath}); null in lists,
 *     and once cleared by retention ({@code contentClearedAt})
 * @param queuedAt when the broker took the message (null: not yet; the outbox relay sends it)
 */
public record OutboundMessage(long id, Kind kind, String serviceRequestId, String partnerId, String channel,
    String address, String format, String controlId, String description, String content, OutboundStatus status,
    int attempts, String lastError, Instant createdAt, Instant deliveredAt, Instant updatedAt,
    Instant contentClearedAt, Instant queuedAt) {

  /**
   * What the message is: a status notification, an infusion summary, or an application acknowledgement of a
   * referrer's results or document (about no referral, or one not found: its serviceRequestId may be null).
   */
  public enum Kind { STATUS, SUMMARY, ACKNOWLEDGEMENT }
}
