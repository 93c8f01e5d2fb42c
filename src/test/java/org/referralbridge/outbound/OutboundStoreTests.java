package org.referralbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.MessageDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbound store's operator searches and replay marking, on the Flyway-made tables in H2. */
class OutboundStoreTests {

  private JdbcClient jdbc;
  private OutboundStore store;
  private long delivered;
  private long failedNorthside;
  private long failedSummit;
  private long summary;

  @BeforeEach
  void setUp() {
    jdbc = MessageDatabase.create().jdbc();
    store = new OutboundStore(jdbc);
    delivered = message(OutboundMessage.Kind.STATUS, "12", "org-northside", OutboundStatus.DELIVERED,
        "2026-11-12T08:00:00Z");
    failedNorthside = message(OutboundMessage.Kind.STATUS, "12", "org-northside", OutboundStatus.FAILED,
        "2026-11-12T09:00:00Z");
    failedSummit = message(OutboundMessage.Kind.STATUS, "14", "org-summit", OutboundStatus.FAILED,
        "2026-11-12T10:00:00Z");
    summary = message(OutboundMessage.Kind.SUMMARY, "12", "org-northside", OutboundStatus.RETRYING,
        "2026-11-12T11:00:00Z");
  }

  @Test
  void listsAreNewestFirstWithoutContent() {
    List<OutboundMessage> all = store.search(OutboundQuery.any(), 0, 50);
    assertThat(all).extracting(OutboundMessage::id).containsExactly(summary, failedSummit, failedNorthside, delivered);
    assertThat(all).allSatisfy(m -> assertThat(m.content()).isNull());
    assertThat(store.find(delivered).orElseThrow().content()).isEqualTo("MSH|PHI");
    assertThat(store.count(OutboundQuery.any())).isEqualTo(4);
    assertThat(store.search(OutboundQuery.any(), 2, 1)).extracting(OutboundMessage::id).containsExactly(failedNorthside);
  }

  @Test
  void anAcknowledgementAboutNoReferralIsKeptWithoutOneAndWaitsForNothing() {
    long ack = store.create(OutboundMessage.Kind.ACKNOWLEDGEMENT, null, "org-northside", "MLLP", "127.0.0.1:2576",
        "ACK", "RB1", "Application NAK (AE, no open referral) of ORU^R01 C-9", "MSH|ACK", OutboundStatus.PENDING);
    OutboundMessage message = store.find(ack).orElseThrow();
    assertThat(message.serviceRequestId()).isNull();
    assertThat(message.kind()).isEqualTo(OutboundMessage.Kind.ACKNOWLEDGEMENT);
    assertThat(store.earlierUndelivered(message)).isFalse();
    assertThat(ids(new OutboundQuery(null, OutboundMessage.Kind.ACKNOWLEDGEMENT, null, null, null, null)))
        .containsExactly(ack);
  }

  @Test
  void filtersByStatusKindPartnerReferralAndTime() {
    assertThat(ids(new OutboundQuery(OutboundStatus.FAILED, null, null, null, null, null)))
        .containsExactly(failedSummit, failedNorthside);
    assertThat(ids(new OutboundQuery(null, OutboundMessage.Kind.SUMMARY, null, null, null, null)))
        .containsExactly(summary);
    assertThat(ids(new OutboundQuery(OutboundStatus.FAILED, null, "org-northside", null, null, null)))
        .containsExactly(failedNorthside);
    assertThat(ids(new OutboundQuery(null, null, null, "ServiceRequest/12", null, null)))
        .containsExactly(summary, failedNorthside, delivered);
    assertThat(ids(new OutboundQuery(null, null, null, null, Instant.parse("2026-11-12T09:00:00Z"),
        Instant.parse("2026-11-12T11:00:00Z")))).containsExactly(failedSummit, failedNorthside);
    assertThat(store.count(new OutboundQuery(null, null, "org-summit", null, null, null))).isEqualTo(1);
  }

  @Test
  void onlyFailedMessagesAreOfferedForReplayOldestFirst() {
    assertThat(store.failedIds(OutboundQuery.any(), 10)).containsExactly(failedNorthside, failedSummit);
    assertThat(store.failedIds(new OutboundQuery(null, null, "org-summit", null, null, null), 10))
        .containsExactly(failedSummit);
    assertThat(store.failedIds(new OutboundQuery(OutboundStatus.DELIVERED, null, null, null, null, null), 10))
        .isEmpty();
    assertThat(store.failedIds(OutboundQuery.any(), 1)).containsExactly(failedNorthside);
  }

  @Test
  void aFailedMessageIsResetForReplayOnceAndCanBeSetBackWhenItCouldNotBeQueued() {
    assertThat(store.resetForReplay(failedNorthside)).isTrue();
    assertThat(store.resetForReplay(failedNorthside)).isFalse();
    assertThat(store.resetForReplay(delivered)).isFalse();
    assertThat(store.find(failedNorthside).orElseThrow().status()).isEqualTo(OutboundStatus.PENDING);
    store.replayNotQueued(failedNorthside, "replay could not be queued: JMSException");
    OutboundMessage message = store.find(failedNorthside).orElseThrow();
    assertThat(message.status()).isEqualTo(OutboundStatus.FAILED);
    assertThat(message.lastError()).contains("could not be queued");
  }

  @Test
  void theRelayGetsPendingMessagesNotQueuedYetOldEnoughOldestFirst() {
    long older = message(OutboundMessage.Kind.STATUS, "20", "org-northside", OutboundStatus.PENDING,
        "2026-11-12T12:00:00Z");
    long newer = message(OutboundMessage.Kind.SUMMARY, "21", "org-summit", OutboundStatus.PENDING,
        "2026-11-12T12:05:00Z");
    long tooYoung = message(OutboundMessage.Kind.STATUS, "22", "org-summit", OutboundStatus.PENDING,
        "2026-11-12T12:10:00Z");
    long queued = message(OutboundMessage.Kind.STATUS, "23", "org-summit", OutboundStatus.PENDING,
        "2026-11-12T11:00:00Z");
    store.queued(queued);
    long noChannel = message(OutboundMessage.Kind.STATUS, "24", "org-cascade", OutboundStatus.NO_CHANNEL,
        "2026-11-12T11:00:00Z");

    Instant cutOff = Instant.parse("2026-11-12T12:10:00Z");
    assertThat(store.unqueued(cutOff, 10)).containsExactly(new OutboundStore.Unqueued(older, "20"),
        new OutboundStore.Unqueued(newer, "21"));
    assertThat(store.unqueued(cutOff, 1)).extracting(OutboundStore.Unqueued::id).containsExactly(older);
    assertThat(store.unqueued(Instant.parse("2026-11-13T00:00:00Z"), 10)).extracting(OutboundStore.Unqueued::id)
        .containsExactly(older, newer, tooYoung).doesNotContain(queued, noChannel, delivered, summary);
  }

  @Test
  void aMessageIsMarkedQueuedOnceAndKeepsTheFirstTime() {
    long id = message(OutboundMessage.Kind.STATUS, "30", "org-northside", OutboundStatus.PENDING,
        "2026-11-12T12:00:00Z");
    assertThat(store.find(id).orElseThrow().queuedAt()).isNull();
    store.queued(id);
    Instant first = store.find(id).orElseThrow().queuedAt();
    assertThat(first).isNotNull();
    jdbc.sql("UPDATE bridge_outbound_message SET queued_at = ? WHERE id = ?")
        .params(Timestamp.from(Instant.parse("2026-11-12T12:00:01Z")), id).update();
    store.queued(id);
    assertThat(store.find(id).orElseThrow().queuedAt()).isEqualTo(Instant.parse("2026-11-12T12:00:01Z"));
    assertThat(store.unqueued(Instant.parse("2026-11-13T00:00:00Z"), 10)).extracting(OutboundStore.Unqueued::id)
        .doesNotContain(id);
  }

  @Test
  void theOutboxMigrationLeavesOnlyPendingMessagesOfTheOldCodeToTheRelay() {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:outbox-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    org.flywaydb.core.Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("5").load()
        .migrate();
    OutboundStore before = new OutboundStore(JdbcClient.create(h2));
    JdbcClient old = JdbcClient.create(h2);
    for (String status : List.of("PENDING", "DELIVERED", "RETRYING", "FAILED", "NO_CHANNEL")) {
      old.sql("""
          INSERT INTO bridge_outbound_message (kind, service_request_id, status, attempts, created_at, updated_at)
          VALUES ('STATUS', ?, ?, 0, ?, ?)""").params(status, status,
          Timestamp.from(Instant.parse("2026-11-12T08:00:00Z")), Timestamp.from(Instant.parse("2026-11-12T09:00:00Z")))
          .update();
    }
    org.flywaydb.core.Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

    List<OutboundStore.Unqueued> due = before.unqueued(Instant.parse("2026-11-13T00:00:00Z"), 10);
    assertThat(due).extracting(OutboundStore.Unqueued::serviceRequestId).containsExactly("PENDING");
    assertThat(before.forReferral("DELIVERED").get(0).queuedAt()).isEqualTo(Instant.parse("2026-11-12T09:00:00Z"));
  }

  private List<Long> ids(OutboundQuery query) {
    return store.search(query, 0, 50).stream().map(OutboundMessage::id).toList();
  }

  private long message(OutboundMessage.Kind kind, String serviceRequest, String partner, OutboundStatus status,
      String createdAt) {
    long id = store.create(kind, serviceRequest, partner, "MLLP", "127.0.0.1:2576", "RRI_I12", "RB1", "Status",
        "MSH|PHI", status);
    jdbc.sql("UPDATE bridge_outbound_message SET created_at = ? WHERE id = ?")
        .params(Timestamp.from(Instant.parse(createdAt)), id).update();
    return id;
  }
}
