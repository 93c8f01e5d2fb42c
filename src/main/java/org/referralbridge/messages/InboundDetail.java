package org.referralbridge.messages;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One accepted message with what it carried: the raw content as received (PHI) and, for a referral that failed the
 * profiles, the validator's OperationOutcome (JSON). Both are null once retention has cleared them.
 */
public record InboundDetail(@JsonUnwrapped InboundMessage message, String content, String outcome) {}
