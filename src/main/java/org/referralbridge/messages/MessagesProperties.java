package org.referralbridge.messages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message store: how long it keeps what, and how operators replay from it.
 *
 * @param retention when content and rows of finished messages go
 * @param replayStuckAfter a message replayed this long ago and still not processed (e.g. processing was stopped)
 *     may be replayed again
 * @param maxBulkReplay the most messages one bulk replay request puts back on a queue
 */
@Validated
@ConfigurationProperties("bridge.messages")
public record MessagesProperties(@Valid @NotNull @DefaultValue Retention retention,
    @NotNull @DefaultValue("15m") Duration replayStuckAfter,
    @Min(1) @Max(Paging.MAX_SIZE) @DefaultValue("500") int maxBulkReplay) {

  /**
   * Retention of finished messages (processed or duplicate accepted ones, rejected ones, delivered or undeliverable
   * outbound ones, decided quarantine ones). Messages waiting for an operator (dead-lettered, needing attention,
   * replayed, failed, held) are never touched.
   *
   * @param enabled false: keep everything
   * @param content after this (since the message was finished) its content and outcome are cleared (they are PHI)
   * @param rows after this its row is deleted
   * @param interval how often the job runs (the first run is a minute after start)
   */
  public record Retention(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("30d") Duration content,
      @NotNull @DefaultValue("365d") Duration rows, @NotNull @DefaultValue("1h") Duration interval) {

    @AssertTrue(message = "retention.rows must not be shorter than retention.content")
    public boolean isRowsNotShorterThanContent() {
      return content == null || rows == null || rows.compareTo(content) >= 0;
    }

    @AssertTrue(message = "retention periods and interval must be positive")
    public boolean isPositive() {
      return content == null || rows == null || interval == null
          || (positive(content) && positive(rows) && positive(interval));
    }

    private static boolean positive(Duration duration) {
      return !duration.isNegative() && !duration.isZero();
    }
  }
}
