package org.referralbridge.lifecycle;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the service does with a referrer's later messages.
 *
 * @param unmatchedResults what a referrer hears of results (ORU^R01) and documents (MDM^T01/T02) that match no open
 *     referral, when the message's MSH-16 does not say: intake has acknowledged them AA either way (they are kept)
 */
@Validated
@ConfigurationProperties("bridge.lifecycle")
public record LifecycleProperties(@NotNull @DefaultValue("keep") UnmatchedResults unmatchedResults) {

  /** The answer to results and documents that match no open referral. */
  public enum UnmatchedResults {
    /** Nothing beyond the intake AA: the message is kept for staff, who follow it up. */
    KEEP,
    /**
     * Also an application acknowledgement AE (enhanced mode, ERR 204 "Unknown key identifier") over the partner's
     * MLLP channel, if it takes ACK messages, so the referrer's system can flag it.
     */
    APPLICATION_NAK
  }
}
