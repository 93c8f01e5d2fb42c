package org.referralbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.MessageDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention on the Flyway-made tables in H2: content of finished messages is cleared after 30 days, their rows
 * deleted after 365; what waits for an operator is never touched, however old.
 */
class MessageRetentionTests {

  private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
  private static final Instant DAYS_40_AGO = NOW.minus(Duration.ofDays(40));
  private static final Instant DAYS_400_AGO = NOW.minus(Duration.ofDays(400));
  private static final Instant DAYS_10_AGO = NOW.minus(Duration.ofDays(10));

  private JdbcClient jdbc;
  private MessageRetention retention;

  @BeforeEach
  void setUp() {
    jdbc = MessageDatabase.create().jdbc();
    retention = new MessageRetention(jdbc, Duration.ofDays(30), Duration.ofDays(365),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void finishedAcceptedMessagesLoseTheirContentAfter30DaysAndTheirRowAfter365() {
    long fresh = inbound("PROCESSED", DAYS_10_AGO);
    long old = inbound("PROCESSED", DAYS_40_AGO);
    long duplicate = inbound("DUPLICATE", DAYS_40_AGO);
    long ancient = inbound("PROCESSED", DAYS_400_AGO);

    MessageRetention.Result result = retention.run();

    assertThat(result.inboundCleared()).isEqualTo(2);
    assertThat(result.inboundDeleted()).isEqualTo(1);
    assertThat(row("bridge_inbound_message", fresh)).containsEntry("content", "MSH|PHI").containsEntry("outcome", "{}");
    assertThat(row("bridge_inbound_message", old)).containsEntry("content", null).containsEntry("outcome", null)
        .containsEntry("content_cleared_at", NOW);
    assertThat(row("bridge_inbound_message", duplicate)).containsEntry("content", null);
    assertThat(exists("bridge_inbound_message", ancient)).isFalse();
  }

  @Test
  void messagesWaitingForAnOperatorKeepTheirContentHoweverOld() {
    long deadLettered = inbound("DEAD_LETTERED", DAYS_400_AGO);
    long needsAttention = inbound("NEEDS_ATTENTION", DAYS_400_AGO);
    long replayed = inbound("REPLAYED", DAYS_400_AGO);
    long failed = outbound("FAILED", DAYS_400_AGO);
    long retrying = outbound("RETRYING", DAYS_400_AGO);
    long held = quarantined("HELD", null);

    MessageRetention.Result result = retention.run();

    assertThat(result.total()).isZero();
    for (long id : new long[] {deadLettered, needsAttention, replayed}) {
      assertThat(row("bridge_inbound_message", id)).containsEntry("content", "MSH|PHI");
    }
    assertThat(row("bridge_outbound_message", failed)).containsEntry("content", "MSH|PHI");
    assertThat(row("bridge_outbound_message", retrying)).containsEntry("content", "MSH|PHI");
    assertThat(row("bridge_quarantine", held)).containsEntry("content", "MSH|PHI");
  }

  @Test
  void rejectedDeliveredAndDecidedMessagesFollowTheSameClock() {
    long rejectedOld = rejected(DAYS_40_AGO);
    long rejectedAncient = rejected(DAYS_400_AGO);
    long delivered = outbound("DELIVERED", DAYS_40_AGO);
    long noChannel = outbound("NO_CHANNEL", DAYS_400_AGO);
    long released = quarantined("RELEASED", DAYS_40_AGO);
    long rejectedByStaff = quarantined("REJECTED", DAYS_10_AGO);

    MessageRetention.Result result = retention.run();

    assertThat(row("bridge_rejected_message", rejectedOld)).containsEntry("content", null);
    assertThat(exists("bridge_rejected_message", rejectedAncient)).isFalse();
    assertThat(row("bridge_outbound_message", delivered)).containsEntry("content", null);
    assertThat(exists("bridge_outbound_message", noChannel)).isFalse();
    assertThat(row("bridge_quarantine", released)).containsEntry("content", null);
    assertThat(row("bridge_quarantine", rejectedByStaff)).containsEntry("content", "MSH|PHI");
    assertThat(result).isEqualTo(new MessageRetention.Result(0, 0, 1, 1, 1, 1, 1, 0));
  }

  @Test
  void aSecondRunFindsNothingMoreToDo() {
    inbound("PROCESSED", DAYS_40_AGO);
    rejected(DAYS_40_AGO);
    assertThat(retention.run().total()).isEqualTo(2);
    assertThat(retention.run().total()).isZero();
  }

  @Test
  void clearedContentIsShownAsClearedAndCannotBeReplayed() {
    long id = inbound("PROCESSED", DAYS_40_AGO);
    retention.run();
    MessageStore store = new MessageStore(jdbc);
    InboundDetail detail = store.inbound(id).orElseThrow();
    assertThat(detail.content()).isNull();
    assertThat(detail.message().contentClearedAt()).isEqualTo(NOW);
  }

  private long inbound(String status, Instant updatedAt) {
    long id = nextId("bridge_inbound_message");
    jdbc.sql("""
        INSERT INTO bridge_inbound_message (id, channel, format, sender, control_id, status, content, outcome,
            received_at, updated_at)
        VALUES (?, 'mllp', 'hl7v2', 'APP^FAC', ?, ?, 'MSH|PHI', '{}', ?, ?)""")
        .params(id, "CTL-" + id, status, Timestamp.from(updatedAt), Timestamp.from(updatedAt)).update();
    return id;
  }

  private long rejected(Instant receivedAt) {
    long id = nextId("bridge_rejected_message");
    jdbc.sql("""
        INSERT INTO bridge_rejected_message (id, channel, sender, control_id, ack_code, error_code, content,
            received_at)
        VALUES (?, 'mllp', 'APP^FAC', ?, 'AR', 200, 'MSH|PHI', ?)""")
        .params(id, "CTL-" + id, Timestamp.from(receivedAt)).update();
    return id;
  }

  private long outbound(String status, Instant updatedAt) {
    long id = nextId("bridge_outbound_message");
    jdbc.sql("""
        INSERT INTO bridge_outbound_message (id, kind, service_request_id, content, status, attempts, created_at,
            updated_at)
        VALUES (?, 'STATUS', '12', 'MSH|PHI', ?, 1, ?, ?)""")
        .params(id, status, Timestamp.from(updatedAt), Timestamp.from(updatedAt)).update();
    return id;
  }

  private long quarantined(String status, Instant decidedAt) {
    long id = nextId("bridge_quarantine");
    jdbc.sql("""
        INSERT INTO bridge_quarantine (id, sender, control_id, content, status, received_at, decided_at)
        VALUES (?, 'NEW^CLINIC', ?, 'MSH|PHI', ?, ?, ?)""")
        .params(id, "CTL-" + id, status, Timestamp.from(DAYS_400_AGO),
            decidedAt == null ? null : Timestamp.from(decidedAt)).update();
    return id;
  }

  private long nextId(String table) {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).query(Long.class).single();
  }

  private Map<String, Object> row(String table, long id) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow()
        .forEach((key, value) -> row.put(key.toLowerCase(java.util.Locale.ROOT), normalise(value)));
    return row;
  }

  private static Object normalise(Object value) {
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Timestamp time) {
      return time.toInstant();
    }
    return value;
  }

  private boolean exists(String table, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?").param(id).query(Integer.class).single() > 0;
  }
}
