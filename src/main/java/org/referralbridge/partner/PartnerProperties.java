package org.referralbridge.partner;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The partner directory.
 *
 * @param seed FHIR transaction Bundle of partners loaded at start (conditional creates: edits made later through
 *     the FHIR API are kept); empty for none
 * @param unknownSenders what happens to messages from senders no partner answers for
 * @param cacheTtl how often the directory is read again from the store (on a thread of its own; intake's lookups
 *     never read the store)
 */
@Validated
@ConfigurationProperties("bridge.partners")
public record PartnerProperties(Resource seed, @NotNull @DefaultValue("REFUSE") UnknownSenders unknownSenders,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration cacheTtl) {

  /** Policy for messages from unknown senders. */
  public enum UnknownSenders {
    /** Answer AR "unknown sender" (ERR 204) and keep the message with the rejected ones. */
    REFUSE,
    /** Acknowledge (AA) and hold the message in quarantine until staff approve the sender or reject it. */
    QUARANTINE
  }
}
