package org.referralbridge.messages;

import java.time.Instant;

/**
 * Which rejected messages an operator is looking for; every criterion is optional (null or blank: any).
 *
 * @param ackCode AR or AE
 * @param errorCode the NAK's HL7 table 0357 code, e.g. 204 (unknown sender)
 * @param sender the sender as read from MSH-3^MSH-4, exactly
 * @param controlId the sender's MSH-10 exactly
 * @param receivedFrom received at or after
 * @param receivedTo received before
 */
public record RejectedQuery(String ackCode, Integer errorCode, String sender, String controlId, Instant receivedFrom,
    Instant receivedTo) {

  public static RejectedQuery any() {
    return new RejectedQuery(null, null, null, null, null, null);
  }
}
