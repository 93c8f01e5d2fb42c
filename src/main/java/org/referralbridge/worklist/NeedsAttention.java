package org.referralbridge.worklist;

import ca.uhn.fhir.context.FhirContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.referralbridge.hl7.Er7Text;
import org.referralbridge.intake.IntakeRejection;
import org.referralbridge.intake.ReferralIntake;
import org.referralbridge.messages.InboundDetail;
import org.referralbridge.messages.InboundMessage;
import org.referralbridge.messages.InboundQuery;
import org.referralbridge.messages.MessageReplay;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.messages.Paging;
import org.referralbridge.messages.ReplayResult;
import org.referralbridge.pipeline.EnvelopeHeaders;

/**
 * Referrals that were acknowledged but could not be written (an essential missing after repair, the store refusing
 * them): listed for staff with what is wrong in plain words, and released with a correction. A correction is checked
 * as intake checks a message, must keep the sender and control id, and is processed exactly once.
 */
class NeedsAttention {

  private static final int LIST_SIZE = 200;

  /** One referral waiting for a person, as the list shows it. */
  record Row(long id, String sender, String controlId, String referralId, String received, String problem) {}

  /** The page of one: what is wrong, and the message (the sender's original, and the text to correct). */
  record View(long id, String sender, String controlId, String referralId, String received, List<String> problems,
      String message, String original) {}

  private final MessageStore store;
  private final MessageReplay replay;
  private final ReferralIntake intake;
  private final FhirContext fhirContext;
  private final DateTimeFormatter times;

  NeedsAttention(MessageStore store, MessageReplay replay, ReferralIntake intake, FhirContext fhirContext,
      ZoneId zone) {
    this.store = store;
    this.replay = replay;
    this.intake = intake;
    this.fhirContext = fhirContext;
    this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
  }

  long count() {
    return store.inbound(InboundQuery.withStatus(MessageStatus.NEEDS_ATTENTION), Paging.first(1)).total();
  }

  List<Row> rows() {
    return store.inbound(InboundQuery.withStatus(MessageStatus.NEEDS_ATTENTION), Paging.first(LIST_SIZE)).items()
        .stream().map(m -> new Row(m.id(), m.sender(), m.controlId(), referralId(m), times.format(m.receivedAt()),
            m.errorText() == null ? "" : m.errorText())).toList();
  }

  View view(long id) {
    InboundDetail detail = store.inbound(id).orElseThrow(() -> new ReferralNotFoundException("message " + id));
    InboundMessage m = detail.message();
    String original = store.originalContent(id).orElse(null);
    return new View(id, m.sender(), m.controlId(), referralId(m), times.format(m.receivedAt()), problems(detail),
        readable(detail.content()), original == null ? null : readable(original));
  }

  boolean isWaiting(long id) {
    return store.inbound(id).map(d -> d.message().status() == MessageStatus.NEEDS_ATTENTION).orElse(false);
  }

  /**
   * Releases the referral with the corrected message (line breaks may be LF, as a browser sends them).
   *
   * @throws IllegalArgumentException in plain words, when the correction would not be accepted at intake or changes
   *     who sent it or its control id
   */
  ReplayResult release(long id, String correctedText, String staff) {
    InboundDetail detail = store.inbound(id).orElseThrow(() -> new ReferralNotFoundException("message " + id));
    String corrected = correctedText == null ? "" : Er7Text.segments(correctedText);
    Map<String, Object> headers = new HashMap<>();
    try {
      intake.check(corrected, headers);
    } catch (IntakeRejection e) {
      throw new IllegalArgumentException("The corrected message would be refused ("
          + (e.location() == null ? "" : e.location() + ": ") + e.getMessage() + "). Nothing was released.");
    }
    if (!detail.message().sender().equals(headers.get(EnvelopeHeaders.SENDER))
        || !detail.message().controlId().equals(headers.get(EnvelopeHeaders.CONTROL_ID))) {
      throw new IllegalArgumentException("Keep the sender (MSH-3, MSH-4) and the control id (MSH-10) as they are:"
          + " they tie the correction to the message the referrer sent. Nothing was released.");
    }
    return replay.releaseCorrected(id, corrected, (String) headers.get(EnvelopeHeaders.REFERRAL_KEY), staff);
  }

  /** The reasons in plain words: the OperationOutcome's errors, else the recorded error text. */
  private List<String> problems(InboundDetail detail) {
    List<String> problems = new ArrayList<>();
    if (detail.outcome() != null) {
      try {
        OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, detail.outcome());
        for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
          if (issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
              || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL) {
            String where = issue.hasExpression() ? issue.getExpression().get(0).getValue() + ": " : "";
            problems.add(where + issue.getDiagnostics());
          }
        }
      } catch (RuntimeException e) {
        // an outcome that does not parse: the error text below still says what happened
      }
    }
    if (problems.isEmpty() && detail.message().errorText() != null) {
      problems.add(detail.message().errorText());
    }
    return problems;
  }

  private static String referralId(InboundMessage m) {
    String key = m.referralKey();
    return key == null ? "" : key.substring(key.indexOf('|') + 1);
  }

  private static String readable(String message) {
    return message == null ? "" : message.replace("\r\n", "\n").replace('\r', '\n');
  }
}
