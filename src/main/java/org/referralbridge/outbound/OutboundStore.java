package org.referralbridge.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The outbound messages and their delivery state (JDBC, table bridge_outbound_message). */
public class OutboundStore {

  private static final String LIST_COLUMNS = "id, kind, service_request_id, partner_id, channel, address, format,"
      + " control_id, description, status, attempts, last_error, created_at, delivered_at, updated_at,"
      + " content_cleared_at, queued_at";
  private static final String COLUMNS = LIST_COLUMNS + ", content";

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

  /** A recorded message the broker has not taken yet, as the relay needs it. */
  public record Unqueued(long id, String serviceRequestId) {}

  /**
   * PENDING messages not on the broker yet (queued_at NULL) recorded before {@code createdBefore}, oldest first, at
   * most {@code limit}: what the outbox relay sends.
   */
  public List<Unqueued> unqueued(Instant createdBefore, int limit) {
    return jdbc.sql("""
        SELECT id, service_request_id FROM bridge_outbound_message
        WHERE status = 'PENDING' AND queued_at IS NULL AND created_at < ?
        ORDER BY created_at, id FETCH FIRST ? ROWS ONLY""")
        .params(Timestamp.from(createdBefore), limit)
        .query((rs, row) -> new Unqueued(rs.getLong("id"), rs.getString("service_request_id"))).list();
  }

  /** The broker took the message: the relay leaves it alone from now on. */
  public void queued(long id) {
    jdbc.sql("UPDATE bridge_outbound_message SET queued_at = ? WHERE id = ? AND queued_at IS NULL")
        .params(Timestamp.from(Instant.now()), id).update();
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
    if (message.serviceRequestId() == null) {
      return false;
    }
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

  /** Puts a FAILED message back to pending, for a replay; false (nothing changed) when it was not FAILED. */
  public boolean resetForReplay(long id) {
    return jdbc.sql("UPDATE bridge_outbound_message SET status = 'PENDING', attempts = 0, updated_at = ? WHERE id = ?"
        + " AND status = 'FAILED'").params(Timestamp.from(Instant.now()), id).update() == 1;
  }

  /** Undoes {@link #resetForReplay} when the message could not be queued again: FAILED, with why. */
  public void replayNotQueued(long id, String error) {
    jdbc.sql("""
        UPDATE bridge_outbound_message SET status = 'FAILED', last_error = ?, updated_at = ?
        WHERE id = ? AND status = 'PENDING'""").params(truncate(error), Timestamp.from(Instant.now()), id).update();
  }

  /** Messages matching the query, newest first, without their content. */
  public List<OutboundMessage> search(OutboundQuery query, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    params.add(offset);
    params.add(limit);
    return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM bridge_outbound_message" + where
        + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(params).query((rs, row) -> map(rs, false)).list();
  }

  /** How many messages match the query. */
  public long count(OutboundQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    return jdbc.sql("SELECT COUNT(*) FROM bridge_outbound_message" + where).params(params).query(Long.class)
        .single();
  }

  /** Ids of the FAILED messages matching the query, oldest first (the order a replay keeps), at most {@code limit}. */
  public List<Long> failedIds(OutboundQuery query, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    params.add(limit);
    return jdbc.sql("SELECT id FROM bridge_outbound_message" + where
        + (where.isEmpty() ? " WHERE" : " AND") + " status = 'FAILED' ORDER BY id FETCH FIRST ? ROWS ONLY")
        .params(params).query(Long.class).list();
  }

  /** The WHERE clause of a query: column names are fixed here, every value is a parameter. */
  private static String where(OutboundQuery query, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    if (query.status() != null) {
      conditions.add("status = ?");
      params.add(query.status().name());
    }
    if (query.kind() != null) {
      conditions.add("kind = ?");
      params.add(query.kind().name());
    }
    if (!OutboundQuery.blank(query.partner())) {
      conditions.add("partner_id = ?");
      params.add(query.partner().strip());
    }
    if (!OutboundQuery.blank(query.serviceRequest())) {
      conditions.add("service_request_id = ?");
      params.add(query.serviceRequest().strip().replaceFirst("^ServiceRequest/", ""));
    }
    if (query.createdFrom() != null) {
      conditions.add("created_at >= ?");
      params.add(Timestamp.from(query.createdFrom()));
    }
    if (query.createdTo() != null) {
      conditions.add("created_at < ?");
      params.add(Timestamp.from(query.createdTo()));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static OutboundMessage map(ResultSet rs, int row) throws SQLException {
    return map(rs, true);
  }

  private static OutboundMessage map(ResultSet rs, boolean withContent) throws SQLException {
    return new OutboundMessage(rs.getLong("id"), OutboundMessage.Kind.valueOf(rs.getString("kind")),
        rs.getString("service_request_id"), rs.getString("partner_id"), rs.getString("channel"),
        rs.getString("address"), rs.getString("format"), rs.getString("control_id"), rs.getString("description"),
        withContent ? rs.getString("content") : null, OutboundStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"),
        instant(rs, "updated_at"), instant(rs, "content_cleared_at"), instant(rs, "queued_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String truncate(String value) {
    return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
  }
}
