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
