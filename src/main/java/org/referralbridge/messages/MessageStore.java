package org.referralbridge.messages;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's record of every inbound message: accepted ones with their processing status (one row per sender
 * and control id, so a re-sent message is recognised), rejected ones as they came. Plain JDBC over the service's
 * own tables (Flyway migrations in db/migration).
 */
public class MessageStore {

  private final JdbcClient jdbc;

  public MessageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An accepted message as it moves through the pipeline. */
  public record Inbound(String channel, String sender, String controlId, String messageType, String referralKey,
      Instant receivedAt) {}

  /** True when a message with this sender and control id has already been written to the FHIR store. */
  public boolean alreadyProcessed(String sender, String controlId) {
    return jdbc.sql("SELECT COUNT(*) FROM bridge_inbound_message WHERE sender = ? AND control_id = ? AND status = ?")
        .params(sender, controlId, MessageStatus.PROCESSED.name()).query(Integer.class).single() > 0;
  }

  /** Records the message's new status (inserting the row the first time), with what goes with that status. */
  public void record(Inbound message, MessageStatus status, String content, String errorText, String outcome,
      String fhirReference) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = update(message, status, content, errorText, outcome, fhirReference, now);
    if (updated == 0) {
      try {
        jdbc.sql("""
            INSERT INTO bridge_inbound_message (channel, sender, control_id, message_type, referral_key, status, error_text,
                outcome, content, fhir_reference, received_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(message.channel(), message.sender(), message.controlId(), message.messageType(),
                message.referralKey(), status.name(), storable(truncate(errorText)), outcome, storable(content), fhirReference,
                Timestamp.from(message.receivedAt()), now)
            .update();
      } catch (DuplicateKeyException raced) {
        update(message, status, content, errorText, outcome, fhirReference, now);
      }
    }
  }

  private int update(Inbound message, MessageStatus status, String content, String errorText, String outcome,
      String fhirReference, Timestamp now) {
    return jdbc.sql("""
        UPDATE bridge_inbound_message SET status = ?, error_text = ?, outcome = ?, content = COALESCE(?, content),
            fhir_reference = COALESCE(?, fhir_reference), updated_at = ?
        WHERE sender = ? AND control_id = ?""")
        .params(status.name(), storable(truncate(errorText)), outcome, storable(content), fhirReference, now, message.sender(),
            message.controlId())
        .update();
  }

  /** Keeps a message that was refused at intake, with the NAK's code and text. */
  public void recordRejected(String channel, String sender, String controlId, String ackCode, int errorCode,
      String location, String errorText, String content) {
    jdbc.sql("""
        INSERT INTO bridge_rejected_message (channel, sender, control_id, ack_code, error_code, error_location, error_text,
            content, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(channel, storable(truncate(sender, 255)), storable(truncate(controlId, 199)), ackCode, errorCode,
            storable(truncate(location, 32)), storable(truncate(errorText)), storable(content),
            Timestamp.from(Instant.now()))
        .update();
  }

  /** Accepted messages, newest first, optionally of one status (content left out). */
  public List<Map<String, Object>> inbound(MessageStatus status, int limit) {
    String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
    return jdbc.sql("SELECT id, channel, sender, control_id, message_type, referral_key, status, error_text,"
        + " fhir_reference, received_at, updated_at FROM bridge_inbound_message" + where
        + " ORDER BY received_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY")
        .query().listOfRows().stream().map(MessageStore::lowerCaseKeys).toList();
  }

  /** One accepted message with its content and outcome. */
  public Optional<Map<String, Object>> inbound(long id) {
    return jdbc.sql("SELECT * FROM bridge_inbound_message WHERE id = ?").param(id).query().listOfRows().stream().map(MessageStore::lowerCaseKeys).toList().stream().findFirst();
  }

  /** Rejected messages, newest first (content left out). */
  public List<Map<String, Object>> rejected(int limit) {
    return jdbc.sql("SELECT id, channel, sender, control_id, ack_code, error_code, error_location, error_text,"
        + " received_at FROM bridge_rejected_message ORDER BY received_at DESC, id DESC FETCH FIRST "
        + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY").query().listOfRows().stream().map(MessageStore::lowerCaseKeys).toList();
  }

  /** One rejected message with its content. */
  public Optional<Map<String, Object>> rejected(long id) {
    return jdbc.sql("SELECT * FROM bridge_rejected_message WHERE id = ?").param(id).query().listOfRows().stream().map(MessageStore::lowerCaseKeys).toList().stream().findFirst();
  }

  public int countRejected() {
    return jdbc.sql("SELECT COUNT(*) FROM bridge_rejected_message").query(Integer.class).single();
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    row.forEach((key, value) -> out.put(key.toLowerCase(java.util.Locale.ROOT), value));
    return out;
  }

  /**
   * Text as the database can keep it: PostgreSQL refuses NUL in text columns, so a NUL a sender put in a message
   * (which intake refuses, and keeps) is kept as U+FFFD instead.
   */
  static String storable(String value) {
    return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
  }

  private static String truncate(String value) {
    return truncate(value, 1000);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
