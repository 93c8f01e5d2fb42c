package org.referralbridge.messages;

import java.time.Instant;

/**
 * An accepted message as operators see it in a list: who sent it, where it stands, and the ids that tie it to the
 * referral (control id, referral key, the ServiceRequest written). No content.
 *
 * @param format the envelope's payload format, e.g. "hl7v2"
 * @param fingerprint its content without MSH-7 (hl7.MessageFingerprint); '' for a message accepted before
 *     fingerprints whose content was cleared
 * @param errorText why it needs attention or was dead-lettered (no message content)
 * @param fhirReference the ServiceRequest written, e.g. "ServiceRequest/12"
 * @param replayCount how often an operator put it back on the inbound queue
 * @param contentClearedAt when retention cleared its content and outcome (null: still kept)
 */
public record InboundMessage(long id, String channel, String format, String sender, String controlId,
    String fingerprint, String messageType, String referralKey, MessageStatus status, String errorText,
    String fhirReference, int replayCount, Instant lastReplayedAt, Instant receivedAt, Instant updatedAt,
    Instant contentClearedAt) {}
