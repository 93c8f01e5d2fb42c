package org.referralbridge.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages from senders no partner answers for, held (acknowledged and durably stored) until staff approve the
 * sender as a partner — then they are released into the pipeline — or reject them (kept, never processed).
 */
public class QuarantineStore {

  /** Where a held message stands. */
  public enum Status { HELD, RELEASED, REJECTED }

  private final JdbcClient jdbc;

  public QuarantineStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Holds a message (durably: the insert commits before the sender is acknowledged). */
  public void hold(String sender, String controlId, String messageType, String content) {
    jdbc.sql("""
        INSERT INTO bridge_quarantine (sender, control_id, message_type, content, status, received_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(sender, controlId, messageType, content, Status.HELD.name(), Timestamp.from(Instant.now()))
        .update();
  }

  /** Held messages grouped by sender: sender, count, first and last received (no content). */
  public List<Map<String, Object>> heldSenders() {
    return jdbc.sql("""
        SELECT sender, COUNT(*) AS messages, MIN(received_at) AS first_received, MAX(received_at) AS last_received
        FROM bridge_quarantine WHERE status = 'HELD' GROUP BY sender ORDER BY MIN(received_at)""")
        .query().listOfRows().stream().map(QuarantineStore::lowerCaseKeys).toList();
  }

  /** The held messages of one sender, oldest first: id and content. */
  public List<Held> held(String sender) {
    return jdbc.sql("SELECT id, content FROM bridge_quarantine WHERE sender = ? AND status = 'HELD' ORDER BY id")
        .param(sender).query((rs, n) -> new Held(rs.getLong(1), rs.getString(2))).list();
  }

  /** A held message. */
  public record Held(long id, String content) {}

  public void decide(long id, Status status, String decidedBy) {
    jdbc.sql("UPDATE bridge_quarantine SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'HELD'")
        .params(status.name(), decidedBy, Timestamp.from(Instant.now()), id).update();
  }

  public int count(Status status) {
    return jdbc.sql("SELECT COUNT(*) FROM bridge_quarantine WHERE status = ?").param(status.name())
        .query(Integer.class).single();
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    row.forEach((key, value) -> out.put(key.toLowerCase(java.util.Locale.ROOT), value));
    return out;
  }
}
