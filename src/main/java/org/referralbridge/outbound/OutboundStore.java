package org.referralbridge.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The outbound messages and their delivery state (JDBC, table bridge_outbound_message). */
public class OutboundStore {

  private static final String COLUMNS = "id, kind, service_request_id, partner_id, channel, address, format,"
      + " control_id, description, content, status, attempts, last_error, created_at, delivered_at";

  private final JdbcClient jdbc;

  public OutboundStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new message; returns its id. */
  public long create(OutboundMessage.Kind kind, String serviceRequestId, String partnerId, String channel,
      String address, String format, String controlId, String description, String content, OutboundStatus status) {
    Timestamp now = Timestamp.from(Instant.now());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO bridge_outbound_message (kind, service_request_id, partner_id, channel, address, format,
            control_id, description, content, status, attempts, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(kind.name(), serviceRequestId, partnerId, channel, address, format, controlId, description, content,
            status.name(), now, now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<OutboundMessage> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM bridge_outbound_message WHERE id = ?").param(id)
        .query(OutboundStore::map).optional();
  }

  /** The messages of one referral, oldest first. */
  public List<OutboundMessage> forReferral(String serviceRequestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM bridge_outbound_message WHERE service_request_id = ? ORDER BY id")
        .param(serviceRequestId).query(OutboundStore::map).list();
  }

  /** True when an earlier message of the same referral is still waiting to be delivered. */
  public boolean earlierUndelivered(OutboundMessage message) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM bridge_outbound_message
        WHERE service_request_id = ? AND id < ? AND status IN ('PENDING', 'RETRYING')""")
        .params(message.serviceRequestId(), message.id()).query(Integer.class).single() > 0;
  }

  public void delivered(long id) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        UPDATE bridge_outbound_message SET status = 'DELIVERED', attempts = attempts + 1, last_error = NULL,
            updated_at = ?, delivered_at = ? WHERE id = ?""").params(now, now, id).update();
  }

  /** Counts a failed attempt; returns the attempts so far. */
  public int failed(long id, OutboundStatus status, String error) {
    jdbc.sql("""
        UPDATE bridge_outbound_message SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?
        WHERE id = ?""").params(status.name(), truncate(error), Timestamp.from(Instant.now()), id).update();
    return find(id).map(OutboundMessage::attempts).orElse(0);
  }

  /** Puts a failed message back to pending, for a replay. */
  public void resetForReplay(long id) {
    jdbc.sql("UPDATE bridge_outbound_message SET status = 'PENDING', attempts = 0, updated_at = ? WHERE id = ?"
        + " AND status = 'FAILED'").params(Timestamp.from(Instant.now()), id).update();
  }

  private static OutboundMessage map(ResultSet rs, int row) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new OutboundMessage(rs.getLong("id"), OutboundMessage.Kind.valueOf(rs.getString("kind")),
        rs.getString("service_request_id"), rs.getString("partner_id"), rs.getString("channel"),
        rs.getString("address"), rs.getString("format"), rs.getString("control_id"), rs.getString("description"),
        rs.getString("content"), OutboundStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
        delivered == null ? null : delivered.toInstant());
  }

  private static String truncate(String value) {
    return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
  }
}
