package org.referralbridge.messages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of the content the service keeps, which is PHI: the content (and outcome) of finished messages is
 * cleared after {@code content}, their rows are deleted after {@code rows}. Plain SQL over every table that keeps
 * message content: accepted messages (PROCESSED, DUPLICATE, counted from their last change), rejected ones (from
 * receipt), outbound ones (DELIVERED, or NO_CHANNEL: nothing will ever be sent; from their last change) and
 * quarantined ones (RELEASED or REJECTED, from the decision). Messages waiting for an operator — dead-lettered,
 * needing attention, replayed, pending, retrying, failed, held — are never touched, however old.
 */
public class MessageRetention {

  private final JdbcClient jdbc;
  private final Duration content;
  private final Duration rows;
  private final Clock clock;

  public MessageRetention(JdbcClient jdbc, Duration content, Duration rows, Clock clock) {
    this.jdbc = jdbc;
    this.content = content;
    this.rows = rows;
    this.clock = clock;
  }

  /** What one run did, per table: contents cleared, rows deleted. */
  public record Result(int inboundCleared, int inboundDeleted, int rejectedCleared, int rejectedDeleted,
      int outboundCleared, int outboundDeleted, int quarantineCleared, int quarantineDeleted) {

    public int total() {
      return inboundCleared + inboundDeleted + rejectedCleared + rejectedDeleted + outboundCleared + outboundDeleted
          + quarantineCleared + quarantineDeleted;
    }
  }

  private record Table(String name, String age, String finished, String clear) {}

  private static final Table INBOUND = new Table("bridge_inbound_message", "updated_at",
      "status IN ('PROCESSED', 'DUPLICATE')", "content = NULL, original_content = NULL, outcome = NULL");
  private static final Table REJECTED = new Table("bridge_rejected_message", "received_at", "1 = 1",
      "content = NULL");
  private static final Table OUTBOUND = new Table("bridge_outbound_message", "updated_at",
      "status IN ('DELIVERED', 'NO_CHANNEL')", "content = NULL");
  private static final Table QUARANTINE = new Table("bridge_quarantine", "decided_at",
      "status IN ('RELEASED', 'REJECTED')", "content = NULL");

  /** Clears and deletes what is due now. */
  public Result run() {
    Instant now = clock.instant();
    Timestamp contentBefore = Timestamp.from(now.minus(content));
    Timestamp rowsBefore = Timestamp.from(now.minus(rows));
    Timestamp clearedAt = Timestamp.from(now);
    // rows first: what is deleted need not be cleared
    int inboundDeleted = delete(INBOUND, rowsBefore);
    int rejectedDeleted = delete(REJECTED, rowsBefore);
    int outboundDeleted = delete(OUTBOUND, rowsBefore);
    int quarantineDeleted = delete(QUARANTINE, rowsBefore);
    return new Result(clear(INBOUND, contentBefore, clearedAt), inboundDeleted,
        clear(REJECTED, contentBefore, clearedAt), rejectedDeleted,
        clear(OUTBOUND, contentBefore, clearedAt), outboundDeleted,
        clear(QUARANTINE, contentBefore, clearedAt), quarantineDeleted);
  }

  private int clear(Table table, Timestamp before, Timestamp clearedAt) {
    return jdbc.sql("UPDATE " + table.name() + " SET " + table.clear() + ", content_cleared_at = ? WHERE "
        + table.finished() + " AND " + table.age() + " < ? AND content_cleared_at IS NULL")
        .params(clearedAt, before).update();
  }

  private int delete(Table table, Timestamp before) {
    return jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.finished() + " AND " + table.age() + " < ?")
        .param(before).update();
  }
}
