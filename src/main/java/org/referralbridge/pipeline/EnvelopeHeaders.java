package org.referralbridge.pipeline;

/**
 * The canonical inbound envelope: the message as received (the body, untouched) plus these headers, set by every
 * intake channel before the message is stored on the inbound queue. One pipeline after intake reads them, whatever
 * the channel. None of them carries PHI, so they may be logged.
 */
public final class EnvelopeHeaders {

  /** Intake channel, e.g. "mllp". */
  public static final String CHANNEL = "BridgeChannel";
  /** Payload format, e.g. "hl7v2". */
  public static final String FORMAT = "BridgeFormat";
  /** Sender key, e.g. "NORTHSIDE_EHR^NORTHSIDE_PSYCH" (MSH-3^MSH-4). */
  public static final String SENDER = "BridgeSender";
  /** The sender's message control id (MSH-10). */
  public static final String CONTROL_ID = "BridgeControlId";
  /**
   * The message's content without MSH-7, as SHA-256 hex (hl7.MessageFingerprint): a message is a re-send of another
   * only if sender, control id and fingerprint are the same (senders reuse control ids).
   */
  public static final String FINGERPRINT = "BridgeFingerprint";
  /** Message type and event, e.g. "REF^I12". */
  public static final String MESSAGE_TYPE = "BridgeMessageType";
  /** Idempotency key of the referral: sender key + "|" + the sender's referral id. */
  public static final String REFERRAL_KEY = "BridgeReferralKey";
  /** When intake received it, epoch milliseconds. */
  public static final String RECEIVED_AT = "BridgeReceivedAt";
  /** True when the sender is unknown and the message is to be held in quarantine rather than processed. */
  public static final String QUARANTINE = "BridgeQuarantine";
  /** JMS message group: messages of one referral are processed one at a time, in order. */
  public static final String GROUP = "JMSXGroupID";

  public static final String FORMAT_HL7V2 = "hl7v2";

  private EnvelopeHeaders() {}
}
