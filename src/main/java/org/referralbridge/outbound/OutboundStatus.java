package org.referralbridge.outbound;

/** Delivery state of an outbound message. */
public enum OutboundStatus {
  /** Waiting for its first attempt, or for an earlier message of the same referral. */
  PENDING,
  /** An attempt failed; another is scheduled with backoff. */
  RETRYING,
  /** The partner acknowledged it (MLLP AA, or HTTP 2xx). Never sent again. */
  DELIVERED,
  /** Every attempt failed: on the dead-letter queue, for staff to replay once the cause is fixed. */
  FAILED,
  /** The partner has no reply channel that takes this kind of message: nothing was sent. */
  NO_CHANNEL
}
