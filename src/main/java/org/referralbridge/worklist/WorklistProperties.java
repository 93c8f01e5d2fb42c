package org.referralbridge.worklist;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff worklist.
 *
 * @param overdueAfterBusinessDays a referral with no triage action after this many business days is overdue
 * @param zone the clinic's time zone (business days, times shown to staff)
 */
@Validated
@ConfigurationProperties("bridge.worklist")
record WorklistProperties(@Min(1) @DefaultValue("2") int overdueAfterBusinessDays,
    @NotNull @DefaultValue("America/Los_Angeles") ZoneId zone) {}
