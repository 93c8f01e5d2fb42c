package org.referralbridge.messages;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One rejected message with its content as received (PHI; null once retention has cleared it). */
public record RejectedDetail(@JsonUnwrapped RejectedMessage message, String content) {}
