package org.referralbridge.messages;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message store: how operators replay from it.
 *
 * @param replayStuckAfter a message replayed this long ago and still not processed (e.g. processing was stopped)
 *     may be replayed again
 * @param maxBulkReplay the most messages one bulk replay request puts back on a queue
 */
@Validated
@ConfigurationProperties("bridge.messages")
public record MessagesProperties(@NotNull @DefaultValue("15m") Duration replayStuckAfter,
    @Min(1) @Max(Paging.MAX_SIZE) @DefaultValue("500") int maxBulkReplay) {}
