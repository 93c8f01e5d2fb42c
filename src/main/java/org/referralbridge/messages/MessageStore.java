package org.referralbridge.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's record of every inbound message: accepted ones with their processing status (one row per message:
 * sender, control id and fingerprint, so a re-sent message is recognised and one that reuses a control id is not
 * taken for it), rejected ones as they came. Plain JDBC over the service's
 * own tables (Flyway migrations in db/migration); every value is a parameter.
 */
public class MessageStore {

  private static final String INBOUND_COLUMNS = "id, channel, format, sender, control_id, fingerprint, message_type,"
      + " referral_key,"
      + " status, error_text, fhir_reference, replay_count, last_replayed_at, received_at, updated_at,"
      + " content_cleared_at";
  private static final String REJECTED_COLUMNS = "id, channel, sender, control_id, ack_code, error_code,"
      + " error_location, error_text, received_at, content_cleared_at";

  private final JdbcClient jdbc;

  public MessageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An accepted message as it moves through the pipeline.
   *
   * @param fingerprint its content without MSH-7 (hl7.MessageFingerprint): with sender and control id, its identity
   */
  public record Inbound(String channel, String format, String sender, String controlId, String fingerprint,
      String messageType, String referralKey, Instant receivedAt) {

    public Inbound {
      fingerprint = fingerprint == null ? "" : fingerprint;
    }
  }

  /** What the store has seen of a message's sender and control id before. */
  public enum EarlierUse {
    /** Nothing: the first message with this sender and control id. */
    NONE,
    /** This very message (same fingerprint), already written to the FHIR store: a re-send. */
    PROCESSED,
    /** This very message, not processed yet (needs attention, dead-lettered, replayed): processed again. */
    UNFINISHED,
    /** Only other messages: the sender reused the control id for new content. */
    OTHER_CONTENT
  }

  /** Whether the message was seen before, as itself or as another message under its control id. */
  public EarlierUse earlierUse(String sender, String controlId, String fingerprint) {
    List<String[]> rows = jdbc.sql("SELECT fingerprint, status FROM bridge_inbound_message"
            + " WHERE sender = ? AND control_id = ?")
        .params(sender, controlId)
        .query((rs, row) -> new String[] {rs.getString("fingerprint"), rs.getString("status")}).list();
    EarlierUse use = EarlierUse.NONE;
    for (String[] row : rows) {
      if (!row[0].equals(fingerprint)) {
        use = use == EarlierUse.NONE ? EarlierUse.OTHER_CONTENT : use;
      } else if (MessageStatus.PROCESSED.name().equals(row[1])) {
        return EarlierUse.PROCESSED;
      } else {
        use = EarlierUse.UNFINISHED;
      }
    }
    return use;
  }

  /**
   * Ids of the messages waiting for the referral with this key (a cancellation or status request that came before
   * it), oldest first.
   */
  public List<Long> waitingFor(String referralKey) {
    return jdbc.sql("SELECT id FROM bridge_inbound_message WHERE referral_key = ? AND status = ?"
            + " ORDER BY received_at, id")
        .params(referralKey, MessageStatus.WAITING_FOR_REFERRAL.name()).query(Long.class).list();
  }

  /**
   * Of these ServiceRequests ("ServiceRequest/12"), those written from a message of this sender: the referrals a
   * sender's later messages (results) may be attached to.
   */
  public Set<String> writtenFrom(String sender, Collection<String> serviceRequests) {
    if (serviceRequests.isEmpty()) {
      return Set.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(sender);
    params.add(MessageStatus.PROCESSED.name());
    params.addAll(serviceRequests);
    String placeholders = String.join(", ", Collections.nCopies(serviceRequests.size(), "?"));
    return new HashSet<>(jdbc.sql("SELECT DISTINCT fhir_reference FROM bridge_inbound_message"
            + " WHERE sender = ? AND status = ? AND fhir_reference IN (" + placeholders + ")")
        .params(params).query(String.class).list());
  }

  /** Records the message's new status (inserting the row the first time), with what goes with that status. */
  public void record(Inbound message, MessageStatus status, String content, String errorText, String outcome,
      String fhirReference) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = update(message, status, content, errorText, outcome, fhirReference, now);
    if (updated == 0) {
      try {
        jdbc.sql("""
            INSERT INTO bridge_inbound_message (channel, format, sender, control_id, fingerprint, message_type,
                referral_key, status, error_text, outcome, content, fhir_reference, received_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(message.channel(), message.format(), message.sender(), message.controlId(),
                message.fingerprint(), message.messageType(), message.referralKey(), status.name(),
                storable(truncate(errorText)), outcome, storable(content),
                fhirReference, Timestamp.from(message.receivedAt()), now)
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
        WHERE sender = ? AND control_id = ? AND fingerprint = ?""")
        .params(status.name(), storable(truncate(errorText)), outcome, storable(content), fhirReference, now,
            message.sender(), message.controlId(), message.fingerprint())
        .update();
  }

  /** Keeps a message that was refused at intake, with the NAK's code and text. */
  public void recordRejected(String channel, String sender, String controlId, String ackCode, int errorCode,
      String location, String errorText, String content) {
    jdbc.sql("""
        INSERT INTO bridge_rejected_message (channel, sender, control_id, ack_code, error_code, error_location,
            error_text, content, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(channel, storable(truncate(sender, 255)), storable(truncate(controlId, 199)), ackCode, errorCode,
            storable(truncate(location, 32)), storable(truncate(errorText)), storable(content),
            Timestamp.from(Instant.now()))
        .update();
  }

  /** Accepted messages matching the query, newest first, content left out. */
  public ResultPage<InboundMessage> inbound(InboundQuery query, Paging paging) {
    SqlFilter filter = inboundFilter(query);
    long total = jdbc.sql("SELECT COUNT(*) FROM bridge_inbound_message" + filter.where()).params(filter.params())
        .query(Long.class).single();
    List<InboundMessage> items = jdbc.sql("SELECT " + INBOUND_COLUMNS + " FROM bridge_inbound_message"
            + filter.where() + " ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(filter.params(paging.offset(), paging.size())).query(MessageStore::inboundMessage).list();
    return ResultPage.of(items, total, paging);
  }

  /** One accepted message with its content and outcome. */
  public Optional<InboundDetail> inbound(long id) {
    return jdbc.sql("SELECT " + INBOUND_COLUMNS + ", content, outcome FROM bridge_inbound_message WHERE id = ?")
        .param(id)
        .query((rs, row) -> new InboundDetail(inboundMessage(rs, row), rs.getString("content"),
            rs.getString("outcome")))
        .optional();
  }

  /** Rejected messages matching the query, newest first, content left out. */
  public ResultPage<RejectedMessage> rejected(RejectedQuery query, Paging paging) {
    SqlFilter filter = new SqlFilter()
        .equal("ack_code", query.ackCode() == null ? null : query.ackCode().strip().toUpperCase(java.util.Locale.ROOT))
        .equal("error_code", query.errorCode())
        .equal("sender", query.sender())
        .equal("control_id", query.controlId())
        .from("received_at", query.receivedFrom())
        .before("received_at", query.receivedTo());
    long total = jdbc.sql("SELECT COUNT(*) FROM bridge_rejected_message" + filter.where()).params(filter.params())
        .query(Long.class).single();
    List<RejectedMessage> items = jdbc.sql("SELECT " + REJECTED_COLUMNS + " FROM bridge_rejected_message"
            + filter.where() + " ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(filter.params(paging.offset(), paging.size())).query(MessageStore::rejectedMessage).list();
    return ResultPage.of(items, total, paging);
  }

  /** One rejected message with its content. */
  public Optional<RejectedDetail> rejected(long id) {
    return jdbc.sql("SELECT " + REJECTED_COLUMNS + ", content FROM bridge_rejected_message WHERE id = ?").param(id)
        .query((rs, row) -> new RejectedDetail(rejectedMessage(rs, row), rs.getString("content")))
        .optional();
  }

  public int countRejected() {
    return jdbc.sql("SELECT COUNT(*) FROM bridge_rejected_message").query(Integer.class).single();
  }

  /**
   * Ids of the messages matching the query that may be replayed now, oldest first (the order they came in), at most
   * {@code limit}: dead-lettered or needing attention, or replayed before {@code stuckBefore} and still not done,
   * with their content kept.
   */
  public List<Long> replayable(InboundQuery query, Instant stuckBefore, int limit) {
    SqlFilter filter = inboundFilter(query).condition(REPLAYABLE, replayableParams(stuckBefore));
    return jdbc.sql("SELECT id FROM bridge_inbound_message" + filter.where()
            + " ORDER BY received_at, id FETCH FIRST ? ROWS ONLY")
        .params(filter.params(limit)).query(Long.class).list();
  }

  /**
   * Marks the message REPLAYED if it may be replayed now (see {@link #replayable}); false when it may not (e.g.
   * processed, or replayed a moment ago). The check and the change are one statement, so two operators replaying
   * the same message at once replay it once.
   */
  public boolean markReplayed(long id, Instant now, Instant stuckBefore) {
    List<Object> params = new ArrayList<>(List.of(MessageStatus.REPLAYED.name(), Timestamp.from(now),
        Timestamp.from(now), id));
    params.addAll(Arrays.asList(replayableParams(stuckBefore)));
    return jdbc.sql("UPDATE bridge_inbound_message SET status = ?, replay_count = replay_count + 1,"
            + " last_replayed_at = ?, updated_at = ? WHERE id = ? AND " + REPLAYABLE)
        .params(params)
        .update() == 1;
  }

  /**
   * Releases a message that needs attention with a staff member's correction, exactly once: the corrected text
   * becomes the row's content (it is what will be processed), the sender's original is kept in
   * {@code original_content}. False when the row is not (or no longer) waiting for attention.
   */
  public boolean release(long id, String corrected, String referralKey, String operator, Instant now) {
    return jdbc.sql("""
        UPDATE bridge_inbound_message SET status = ?, original_content = COALESCE(original_content, content),
            content = ?, referral_key = ?, released_by = ?, replay_count = replay_count + 1, last_replayed_at = ?,
            updated_at = ?
        WHERE id = ? AND status = ? AND content IS NOT NULL""")
        .params(MessageStatus.REPLAYED.name(), storable(corrected), referralKey, truncate(operator),
            Timestamp.from(now), Timestamp.from(now), id, MessageStatus.NEEDS_ATTENTION.name())
        .update() == 1;
  }

  /** Undoes {@link #release} when the corrected message could not be queued: waiting again, as the sender sent it. */
  public void releaseNotQueued(long id, String error) {
    jdbc.sql("""
        UPDATE bridge_inbound_message SET status = ?, content = original_content, released_by = NULL,
            replay_count = replay_count - 1, error_text = ?, updated_at = ?
        WHERE id = ? AND status = ?""")
        .params(MessageStatus.NEEDS_ATTENTION.name(), truncate(error), Timestamp.from(Instant.now()), id,
            MessageStatus.REPLAYED.name())
        .update();
  }

  /** The message exactly as its sender sent it, when staff released a corrected copy; else empty. */
  public Optional<String> originalContent(long id) {
    return jdbc.sql("SELECT original_content FROM bridge_inbound_message WHERE id = ?").param(id)
        .query(String.class).optional();
  }

  /** Undoes {@link #markReplayed} when the message could not be put on the queue: back to its status, with why. */
  public void replayNotQueued(long id, MessageStatus previous, String error) {
    jdbc.sql("""
        UPDATE bridge_inbound_message SET status = ?, replay_count = replay_count - 1, error_text = ?, updated_at = ?
        WHERE id = ? AND status = ?""")
        .params(previous.name(), truncate(error), Timestamp.from(Instant.now()), id, MessageStatus.REPLAYED.name())
        .update();
  }

  private static final String REPLAYABLE = "content IS NOT NULL AND (status IN (?, ?, ?, ?)"
      + " OR (status = ? AND last_replayed_at < ?))";

  private static Object[] replayableParams(Instant stuckBefore) {
    return new Object[] {MessageStatus.DEAD_LETTERED.name(), MessageStatus.NEEDS_ATTENTION.name(),
        MessageStatus.WAITING_FOR_REFERRAL.name(), MessageStatus.NO_OPEN_REFERRAL.name(), MessageStatus.REPLAYED.name(),
        Timestamp.from(stuckBefore)};
  }

  private static SqlFilter inboundFilter(InboundQuery query) {
    return new SqlFilter()
        .equal("status", query.status())
        .equal("sender", query.sender())
        .equal("control_id", query.controlId())
        .contains("referral_key", query.referralKey())
        .from("received_at", query.receivedFrom())
        .before("received_at", query.receivedTo());
  }

  private static InboundMessage inboundMessage(ResultSet rs, int row) throws SQLException {
    return new InboundMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("format"),
        rs.getString("sender"), rs.getString("control_id"), rs.getString("fingerprint"), rs.getString("message_type"),
        rs.getString("referral_key"), MessageStatus.valueOf(rs.getString("status")), rs.getString("error_text"),
        rs.getString("fhir_reference"), rs.getInt("replay_count"), instant(rs, "last_replayed_at"),
        instant(rs, "received_at"), instant(rs, "updated_at"), instant(rs, "content_cleared_at"));
  }

  private static RejectedMessage rejectedMessage(ResultSet rs, int row) throws SQLException {
    return new RejectedMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("sender"),
        rs.getString("control_id"), rs.getString("ack_code"), rs.getInt("error_code"),
        rs.getString("error_location"), rs.getString("error_text"), instant(rs, "received_at"),
        instant(rs, "content_cleared_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
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
