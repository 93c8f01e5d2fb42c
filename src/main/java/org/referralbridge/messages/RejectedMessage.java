package org.referralbridge.messages;

import java.time.Instant;

/**
 * A message refused at intake, as operators see it in a list: the NAK it got (AR/AE, HL7 table 0357 code,
 * location, text). No content.
 *
 * @param contentClearedAt when retention cleared its content (null: still kept)
 */
public record RejectedMessage(long id, String channel, String sender, String controlId, String ackCode,
    int errorCode, String errorLocation, String errorText, Instant receivedAt, Instant contentClearedAt) {}
