package org.referralbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.messages.MessageStore.EarlierUse;
import org.referralbridge.support.MessageDatabase;

/** The message store's searches and replay marking, on the Flyway-made tables in H2. */
class MessageStoreTests {

  private static final Instant T0 = Instant.parse("2026-11-12T08:00:00Z");
  private static final String NORTHSIDE = "NORTHSIDE_EHR^NORTHSIDE_PSYCH";
  private static final String SUMMIT = "SUMMITFP^SUMMIT_FAMILY_PRACTICE";

  private MessageStore store;

  @BeforeEach
  void setUp() {
    store = new MessageStore(MessageDatabase.create().jdbc());
    accepted(NORTHSIDE, "CTL-1", NORTHSIDE + "|REF-100", T0, MessageStatus.PROCESSED);
    accepted(NORTHSIDE, "CTL-2", NORTHSIDE + "|REF-101", T0.plusSeconds(60), MessageStatus.DEAD_LETTERED);
    accepted(NORTHSIDE, "CTL-3", NORTHSIDE + "|REF_1%2", T0.plusSeconds(120), MessageStatus.NEEDS_ATTENTION);
    accepted(SUMMIT, "CTL-1", SUMMIT + "|SFP-7741", T0.plusSeconds(180), MessageStatus.DEAD_LETTERED);
    accepted(SUMMIT, "CTL-9", SUMMIT + "|SFP-7742", T0.plusSeconds(240), MessageStatus.PROCESSED);
  }

  @Test
  void withoutFiltersEveryMessageIsListedNewestFirstWithTheTotal() {
    ResultPage<InboundMessage> page = store.inbound(InboundQuery.any(), Paging.first(50));
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items()).extracting(InboundMessage::controlId)
        .containsExactly("CTL-9", "CTL-1", "CTL-3", "CTL-2", "CTL-1");
    assertThat(page.items().get(0).format()).isEqualTo("hl7v2");
  }

  @Test
  void pagesSplitTheListAndEveryPageCarriesTheTotal() {
    ResultPage<InboundMessage> first = store.inbound(InboundQuery.any(), new Paging(0, 2));
    ResultPage<InboundMessage> last = store.inbound(InboundQuery.any(), new Paging(2, 2));
    assertThat(first.items()).extracting(InboundMessage::controlId).containsExactly("CTL-9", "CTL-1");
    assertThat(first.hasNext()).isTrue();
    assertThat(first.hasPrevious()).isFalse();
    assertThat(last.items()).extracting(InboundMessage::controlId).containsExactly("CTL-1");
    assertThat(last.total()).isEqualTo(5);
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void statusSenderAndControlIdMatchExactly() {
    assertThat(controlIds(new InboundQuery(MessageStatus.DEAD_LETTERED, null, null, null, null, null)))
        .containsExactly("CTL-1", "CTL-2");
    assertThat(controlIds(new InboundQuery(MessageStatus.DEAD_LETTERED, NORTHSIDE, null, null, null, null)))
        .containsExactly("CTL-2");
    assertThat(controlIds(new InboundQuery(null, "NORTHSIDE_EHR", null, null, null, null))).isEmpty();
    assertThat(store.inbound(new InboundQuery(null, null, "CTL-1", null, null, null), Paging.first(50)).items())
        .extracting(InboundMessage::sender).containsExactly(SUMMIT, NORTHSIDE);
  }

  @Test
  void theReferralKeyMatchesAPartWithWildcardsTakenLiterally() {
    assertThat(controlIds(new InboundQuery(null, null, null, "REF-10", null, null)))
        .containsExactly("CTL-2", "CTL-1");
    assertThat(controlIds(new InboundQuery(null, null, null, "SFP-7741", null, null))).containsExactly("CTL-1");
    // "_" and "%" are characters of the key, not LIKE wildcards
    assertThat(controlIds(new InboundQuery(null, null, null, "REF_1%2", null, null))).containsExactly("CTL-3");
    assertThat(controlIds(new InboundQuery(null, null, null, "REF_", null, null))).containsExactly("CTL-3");
    assertThat(controlIds(new InboundQuery(null, null, null, "%", null, null))).containsExactly("CTL-3");
  }

  @Test
  void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
    assertThat(controlIds(new InboundQuery(null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(180))))
        .containsExactly("CTL-3", "CTL-2");
    assertThat(controlIds(new InboundQuery(null, null, null, null, T0.plusSeconds(200), null)))
        .containsExactly("CTL-9");
    assertThat(controlIds(new InboundQuery(null, null, null, null, null, T0))).isEmpty();
  }

  @Test
  void aValueThatLooksLikeSqlIsOnlyEverAValue() {
    assertThat(controlIds(new InboundQuery(null, "x' OR '1'='1", null, null, null, null))).isEmpty();
    assertThat(controlIds(new InboundQuery(null, null, "CTL-1' --", null, null, null))).isEmpty();
    assertThat(store.inbound(InboundQuery.any(), Paging.first(50)).total()).isEqualTo(5);
  }

  @Test
  void rejectedMessagesAreFilteredByAckCodeErrorCodeSenderAndTime() {
    store.recordRejected("mllp", NORTHSIDE, "CTL-R1", "AR", 200, "MSH-9", "unsupported message type", "MSH|...");
    store.recordRejected("mllp", "UNKNOWN^FAC", "CTL-R2", "AR", 204, "MSH-4", "unknown sender", "MSH|...");
    store.recordRejected("mllp", NORTHSIDE, "CTL-R3", "AE", 101, "PID-3", "patient identifier missing", "MSH|...");
    assertThat(rejected(new RejectedQuery("AR", null, null, null, null, null))).containsExactly("CTL-R2", "CTL-R1");
    assertThat(rejected(new RejectedQuery("ae", null, null, null, null, null))).containsExactly("CTL-R3");
    assertThat(rejected(new RejectedQuery(null, 204, null, null, null, null))).containsExactly("CTL-R2");
    assertThat(rejected(new RejectedQuery(null, null, NORTHSIDE, null, null, null)))
        .containsExactly("CTL-R3", "CTL-R1");
    assertThat(rejected(new RejectedQuery(null, null, null, null, Instant.now().plusSeconds(60), null))).isEmpty();
    long id = store.rejected(RejectedQuery.any(), Paging.first(1)).items().get(0).id();
    assertThat(store.rejected(id).orElseThrow().content()).isEqualTo("MSH|...");
  }

  @Test
  void onlyDeadLetteredAndNeedsAttentionMessagesAreReplayableAndEachOnlyOnceUntilStuck() {
    Instant now = Instant.now();
    Instant stuckBefore = now.minus(Duration.ofMinutes(15));
    List<Long> replayable = store.replayable(InboundQuery.any(), stuckBefore, 10);
    assertThat(replayable).extracting(this::controlId).containsExactly("CTL-2", "CTL-3", "CTL-1");

    long deadLettered = replayable.get(0);
    assertThat(store.markReplayed(deadLettered, now, stuckBefore)).isTrue();
    assertThat(store.markReplayed(deadLettered, now, stuckBefore)).isFalse();
    InboundMessage marked = store.inbound(deadLettered).orElseThrow().message();
    assertThat(marked.status()).isEqualTo(MessageStatus.REPLAYED);
    assertThat(marked.replayCount()).isEqualTo(1);
    assertThat(store.replayable(InboundQuery.any(), stuckBefore, 10)).doesNotContain(deadLettered);

    // still REPLAYED a quarter of an hour later: stuck, may be replayed again
    Instant later = now.plus(Duration.ofMinutes(16));
    assertThat(store.replayable(InboundQuery.any(), later.minus(Duration.ofMinutes(15)), 10)).contains(deadLettered);
    assertThat(store.markReplayed(deadLettered, later, later.minus(Duration.ofMinutes(15)))).isTrue();
    assertThat(store.inbound(deadLettered).orElseThrow().message().replayCount()).isEqualTo(2);

    long processed = store.inbound(new InboundQuery(MessageStatus.PROCESSED, NORTHSIDE, null, null, null, null),
        Paging.first(1)).items().get(0).id();
    assertThat(store.markReplayed(processed, now, stuckBefore)).isFalse();
    assertThat(store.inbound(processed).orElseThrow().message().status()).isEqualTo(MessageStatus.PROCESSED);
  }

  @Test
  void aReplayThatCouldNotBeQueuedPutsTheMessageBackAsItWas() {
    Instant now = Instant.now();
    long id = store.replayable(new InboundQuery(MessageStatus.DEAD_LETTERED, NORTHSIDE, null, null, null, null),
        now, 1).get(0);
    assertThat(store.markReplayed(id, now, now)).isTrue();
    store.replayNotQueued(id, MessageStatus.DEAD_LETTERED, "replay could not be queued: JMSException");
    InboundMessage message = store.inbound(id).orElseThrow().message();
    assertThat(message.status()).isEqualTo(MessageStatus.DEAD_LETTERED);
    assertThat(message.replayCount()).isZero();
    assertThat(message.errorText()).contains("could not be queued");
  }

  @Test
  void processingAReplayedMessageRecordsItsOutcomeOnTheSameRow() {
    Instant now = Instant.now();
    long id = store.replayable(new InboundQuery(MessageStatus.DEAD_LETTERED, NORTHSIDE, null, null, null, null),
        now, 1).get(0);
    store.markReplayed(id, now, now);
    store.record(new MessageStore.Inbound("mllp", "hl7v2", NORTHSIDE, "CTL-2", fingerprint("CTL-2"), "REF^I12",
        NORTHSIDE + "|REF-101", T0.plusSeconds(60)), MessageStatus.PROCESSED, null, null, null, "ServiceRequest/7");
    InboundDetail detail = store.inbound(id).orElseThrow();
    assertThat(detail.message().status()).isEqualTo(MessageStatus.PROCESSED);
    assertThat(detail.message().fhirReference()).isEqualTo("ServiceRequest/7");
    assertThat(detail.message().replayCount()).isEqualTo(1);
    assertThat(detail.content()).isEqualTo("MSH|content of CTL-2");
    assertThat(store.earlierUse(NORTHSIDE, "CTL-2", fingerprint("CTL-2"))).isEqualTo(EarlierUse.PROCESSED);
  }

  @Test
  void aMessageIsItsSenderControlIdAndFingerprint() {
    assertThat(store.earlierUse(NORTHSIDE, "CTL-1", fingerprint("CTL-1"))).isEqualTo(EarlierUse.PROCESSED);
    assertThat(store.earlierUse(NORTHSIDE, "CTL-2", fingerprint("CTL-2"))).isEqualTo(EarlierUse.UNFINISHED);
    assertThat(store.earlierUse(NORTHSIDE, "CTL-1", "other content")).isEqualTo(EarlierUse.OTHER_CONTENT);
    assertThat(store.earlierUse(NORTHSIDE, "CTL-9", fingerprint("CTL-9"))).isEqualTo(EarlierUse.NONE);
  }

  @Test
  void aReusedControlIdGetsARowOfItsOwnAndLeavesTheFirstMessagesRowAsItWas() {
    MessageStore.Inbound reuse = new MessageStore.Inbound("mllp", "hl7v2", NORTHSIDE, "CTL-3", "another referral",
        "REF^I12", NORTHSIDE + "|REF-555", T0.plusSeconds(900));
    store.record(reuse, MessageStatus.PROCESSED, "MSH|another referral", null, null, "ServiceRequest/55");

    List<InboundMessage> rows = store.inbound(new InboundQuery(null, NORTHSIDE, "CTL-3", null, null, null),
        Paging.first(10)).items();
    assertThat(rows).extracting(InboundMessage::status)
        .containsExactly(MessageStatus.PROCESSED, MessageStatus.NEEDS_ATTENTION);
    assertThat(store.inbound(rows.get(1).id()).orElseThrow().content()).isEqualTo("MSH|content of CTL-3");
    assertThat(rows.get(0).fingerprint()).isEqualTo("another referral");
    assertThat(store.earlierUse(NORTHSIDE, "CTL-3", fingerprint("CTL-3"))).isEqualTo(EarlierUse.UNFINISHED);
    assertThat(store.earlierUse(NORTHSIDE, "CTL-3", "another referral")).isEqualTo(EarlierUse.PROCESSED);
  }

  @Test
  void aCorrectionIsReleasedOnceAndTheSendersOriginalIsKept() {
    long id = idOf(NORTHSIDE, "CTL-3");

    assertThat(store.release(id, "MSH|corrected", NORTHSIDE + "|REF-102", "intake", T0.plusSeconds(600))).isTrue();
    assertThat(store.release(id, "MSH|corrected again", NORTHSIDE + "|REF-103", "intake", T0.plusSeconds(601)))
        .isFalse();

    InboundDetail detail = store.inbound(id).orElseThrow();
    assertThat(detail.message().status()).isEqualTo(MessageStatus.REPLAYED);
    assertThat(detail.content()).isEqualTo("MSH|corrected");
    assertThat(detail.message().referralKey()).isEqualTo(NORTHSIDE + "|REF-102");
    assertThat(store.originalContent(id)).contains("MSH|content of CTL-3");
  }

  @Test
  void onlyAMessageThatNeedsAttentionCanBeReleasedWithACorrection() {
    assertThat(store.release(idOf(NORTHSIDE, "CTL-2"), "MSH|x", NORTHSIDE + "|REF-101", "intake", T0)).isFalse();
    assertThat(store.release(idOf(NORTHSIDE, "CTL-1"), "MSH|x", NORTHSIDE + "|REF-100", "intake", T0)).isFalse();
  }

  @Test
  void aReleaseThatCouldNotBeQueuedWaitsAgainAsTheSenderSentIt() {
    long id = idOf(NORTHSIDE, "CTL-3");
    store.release(id, "MSH|corrected", NORTHSIDE + "|REF-102", "intake", T0.plusSeconds(600));

    store.releaseNotQueued(id, "release could not be queued: JMSException");

    InboundDetail detail = store.inbound(id).orElseThrow();
    assertThat(detail.message().status()).isEqualTo(MessageStatus.NEEDS_ATTENTION);
    assertThat(detail.content()).isEqualTo("MSH|content of CTL-3");
  }

  private long idOf(String sender, String controlId) {
    return store.inbound(new InboundQuery(null, sender, controlId, null, null, null), Paging.first(1)).items().get(0)
        .id();
  }

  private void accepted(String sender, String controlId, String referralKey, Instant receivedAt,
      MessageStatus status) {
    store.record(new MessageStore.Inbound("mllp", "hl7v2", sender, controlId, fingerprint(controlId), "REF^I12",
            referralKey, receivedAt),
        status, "MSH|content of " + controlId, status == MessageStatus.PROCESSED ? null : "reason", null,
        status == MessageStatus.PROCESSED ? "ServiceRequest/1" : null);
  }

  private static String fingerprint(String controlId) {
    return MessageFingerprint.of("MSH|content of " + controlId);
  }

  private List<String> controlIds(InboundQuery query) {
    return store.inbound(query, Paging.first(50)).items().stream().map(InboundMessage::controlId).toList();
  }

  private List<String> rejected(RejectedQuery query) {
    return store.rejected(query, Paging.first(50)).items().stream().map(RejectedMessage::controlId).toList();
  }

  private String controlId(long id) {
    return store.inbound(id).orElseThrow().message().controlId();
  }
}
