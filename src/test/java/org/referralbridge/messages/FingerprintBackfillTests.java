package org.referralbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.MessageFingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration 9 on a database that holds messages accepted before fingerprints (made by migrations 1 to 8). */
class FingerprintBackfillTests {

  private static final String SENDER = "NORTHSIDE_EHR^NORTHSIDE_PSYCH";

  @Test
  void earlierMessagesGetTheFingerprintOfWhatTheirSenderSent() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("8").load().migrate();
    JdbcClient jdbc = JdbcClient.create(h2);
    // more rows than one page, so that paging is crossed
    for (int i = 0; i < FingerprintBackfill.PAGE + 3; i++) {
      insert(jdbc, "CTL-" + i, "MSH|^~\\&|EHR|PSYCH|||20261201" + i + "||REF^I12|CTL-" + i + "|P|2.5.1", null);
    }
    insert(jdbc, "CTL-released", "MSH|corrected by staff", "MSH|as the sender sent it");
    insert(jdbc, "CTL-cleared", null, null);

    Flyway.configure().dataSource(h2).locations("classpath:db/migration").javaMigrations(new FingerprintBackfill())
        .load().migrate();

    assertThat(fingerprint(jdbc, "CTL-0"))
        .isEqualTo(MessageFingerprint.of("MSH|^~\\&|EHR|PSYCH|||20261201||REF^I12|CTL-0|P|2.5.1"));
    int last = FingerprintBackfill.PAGE + 2;
    assertThat(fingerprint(jdbc, "CTL-" + last))
        .isEqualTo(MessageFingerprint.of("MSH|^~\\&|EHR|PSYCH|||||REF^I12|CTL-" + last + "|P|2.5.1"));
    assertThat(fingerprint(jdbc, "CTL-released")).isEqualTo(MessageFingerprint.of("MSH|as the sender sent it"));
    assertThat(fingerprint(jdbc, "CTL-cleared")).isEmpty();
    assertThat(new MessageStore(jdbc).earlierUse(SENDER, "CTL-7",
        MessageFingerprint.of("MSH|^~\\&|EHR|PSYCH|||20261207120000||REF^I12|CTL-7|P|2.5.1")))
        .isEqualTo(MessageStore.EarlierUse.PROCESSED);
  }

  private static void insert(JdbcClient jdbc, String controlId, String content, String original) {
    Timestamp t = Timestamp.from(Instant.parse("2026-12-01T08:00:00Z"));
    jdbc.sql("""
        INSERT INTO bridge_inbound_message (channel, format, sender, control_id, status, content, original_content,
            received_at, updated_at)
        VALUES ('mllp', 'hl7v2', ?, ?, 'PROCESSED', ?, ?, ?, ?)""")
        .params(SENDER, controlId, content, original, t, t).update();
  }

  private static String fingerprint(JdbcClient jdbc, String controlId) {
    return jdbc.sql("SELECT fingerprint FROM bridge_inbound_message WHERE control_id = ?").param(controlId)
        .query(String.class).single();
  }
}
