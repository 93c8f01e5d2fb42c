package org.referralbridge.pipeline;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.HL7Exception;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.messages.MessageReplay;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.operations.BridgeMetrics.Flow;
import org.referralbridge.operations.BridgeMetrics.Outcome;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.DataQuality;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TranslatedReferral;
import org.referralbridge.translate.TranslationException;
import org.referralbridge.validate.InvalidReferralException;
import org.referralbridge.validate.RepairingValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the one pipeline after intake, as the processing route calls them: skip a message already
 * processed, translate, validate, write, and record the outcome (processed, needs attention, dead-lettered) in the
 * message store. Logs carry control ids, senders and outcomes only, never content.
 */
public class ReferralSteps {

  /** Exchange property holding the message as received, for the message store. */
  public static final String ORIGINAL = "BridgeOriginal";
  /** Exchange property holding the referral's data-quality notes (an OperationOutcome as JSON), if any. */
  public static final String DATA_QUALITY = "BridgeDataQuality";

  private static final Logger log = LoggerFactory.getLogger(ReferralSteps.class);

  private final Hl7Parser parser;
  private final RefI12Translator translator;
  private final RepairingValidator validator;
  private final FhirStore store;
  private final MessageStore messages;
  private final MessageReplay replay;
  private final FhirContext fhirContext;
  private final BridgeMetrics metrics;

  public ReferralSteps(Hl7Parser parser, RefI12Translator translator, RepairingValidator validator, FhirStore store,
      MessageStore messages, MessageReplay replay, FhirContext fhirContext, BridgeMetrics metrics) {
    this.parser = parser;
    this.translator = translator;
    this.validator = validator;
    this.store = store;
    this.messages = messages;
    this.replay = replay;
    this.fhirContext = fhirContext;
    this.metrics = metrics;
  }

  /**
   * True for a re-sent copy of a message that was already written: same sender, control id and content without
   * MSH-7. A message that reuses a control id for other content is new: it is processed, and the reuse logged
   * (control id only). A message queued without a fingerprint (before they existed) gets one from its body here.
   */
  public boolean alreadyProcessed(@Body String body, @Headers Map<String, Object> headers) {
    if (headers.get(EnvelopeHeaders.FINGERPRINT) == null) {
      headers.put(EnvelopeHeaders.FINGERPRINT, MessageFingerprint.of(body));
    }
    MessageStore.EarlierUse use = messages.earlierUse(str(headers, EnvelopeHeaders.SENDER),
        str(headers, EnvelopeHeaders.CONTROL_ID), str(headers, EnvelopeHeaders.FINGERPRINT));
    if (use == MessageStore.EarlierUse.PROCESSED) {
      metrics.count(Flow.REFERRAL_PROCESSING, Outcome.DUPLICATE);
      log.info("Message {} from {}: duplicate of a processed message, nothing written",
          headers.get(EnvelopeHeaders.CONTROL_ID), headers.get(EnvelopeHeaders.SENDER));
    } else if (use == MessageStore.EarlierUse.OTHER_CONTENT) {
      metrics.count(Flow.REFERRAL_PROCESSING, Outcome.CONTROL_ID_REUSED);
      log.info("Message {} from {}: control id used before for another message; processed as a new message",
          headers.get(EnvelopeHeaders.CONTROL_ID), headers.get(EnvelopeHeaders.SENDER));
    }
    return use == MessageStore.EarlierUse.PROCESSED;
  }

  /** The envelope's payload as a FHIR transaction Bundle, with notes on what was downgraded. */
  public TranslatedReferral translate(@Body String payload, @Headers Map<String, Object> headers) {
    String format = str(headers, EnvelopeHeaders.FORMAT);
    if (!EnvelopeHeaders.FORMAT_HL7V2.equals(format)) {
      throw new TranslationException("envelope", "no translator for format " + format, null);
    }
    try {
      return translator.translate(parser.parseReferral(payload), payload, receivedAt(headers));
    } catch (HL7Exception e) {
      throw new TranslationException("message", "could not be parsed", e);
    }
  }

  /**
   * Validates against the profiles, removing optional elements that would make the Bundle invalid; each downgrade
   * (the translator's and this step's) becomes a data-quality note on the exchange. A referral whose essentials are
   * missing or invalid stops here, before anything is written.
   */
  public Bundle validate(@Body TranslatedReferral referral, Exchange exchange) {
    RepairingValidator.Result result = validator.validate(referral.bundle());
    DataQuality quality = referral.quality();
    for (RepairingValidator.Removal removal : result.removals()) {
      quality.noteRemoved(removal.expression(), removal.reason());
    }
    if (!quality.isEmpty()) {
      referral.noteOnTask();
      exchange.setProperty(DATA_QUALITY, fhirContext.newJsonParser().encodeResourceToString(
          quality.toOperationOutcome()));
    }
    return referral.bundle();
  }

  /** Writes the transaction; returns the ServiceRequest's id (e.g. "ServiceRequest/12"). */
  public String write(@Body Bundle bundle) {
    Bundle response = store.transaction(bundle);
    return response.getEntry().stream()
        .map(e -> e.getResponse().getLocation())
        .filter(location -> location != null && location.startsWith("ServiceRequest/"))
        .map(location -> location.replaceFirst("/_history/.*", ""))
        .findFirst().orElse(null);
  }

  public void processed(@Body String serviceRequest, @ExchangeProperty(ORIGINAL) String original,
      @ExchangeProperty(DATA_QUALITY) String dataQuality, @Headers Map<String, Object> headers) {
    messages.record(inbound(headers), MessageStatus.PROCESSED, original, null, dataQuality, serviceRequest);
    if (dataQuality != null) {
      metrics.count(Flow.REFERRAL_PROCESSING, Outcome.DOWNGRADED);
    }
    metrics.referralProcessed(receivedAt(headers));
    log.info("Message {} from {}: processed, {}", headers.get(EnvelopeHeaders.CONTROL_ID),
        headers.get(EnvelopeHeaders.SENDER), serviceRequest);
  }

  /**
   * The referral is written now: the referrer's cancellations and status requests that came before it and were held
   * go back on the inbound queue (as an operator's replay would), in the order they came.
   */
  public void releaseWaiting(@Headers Map<String, Object> headers) {
    String referralKey = str(headers, EnvelopeHeaders.REFERRAL_KEY);
    if (referralKey == null) {
      return;
    }
    for (Long id : messages.waitingFor(referralKey)) {
      replay.replayInbound(id, "its referral's arrival");
    }
  }

  /** A modification, cancellation or status request for a referral not written yet: held until it is. */
  public void waitForReferral(@ExchangeProperty(ORIGINAL) String original, @Headers Map<String, Object> headers,
      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    hold(MessageStatus.WAITING_FOR_REFERRAL, Outcome.WAITING_FOR_REFERRAL, "held until its referral is written",
        original, headers, cause);
  }

  /** Results for a patient with no open referral from their sender: kept and listed for staff. */
  public void noOpenReferral(@ExchangeProperty(ORIGINAL) String original, @Headers Map<String, Object> headers,
      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    hold(MessageStatus.NO_OPEN_REFERRAL, Outcome.NO_OPEN_REFERRAL, "matches no open referral, kept for staff",
        original, headers, cause);
  }

  private void hold(MessageStatus status, Outcome outcome, String what, String original,
      Map<String, Object> headers, Exception cause) {
    messages.record(inbound(headers), status, original, cause.getMessage(), null, null);
    metrics.count(Flow.REFERRAL_PROCESSING, outcome);
    log.info("Message {} from {}: {} {}", headers.get(EnvelopeHeaders.CONTROL_ID),
        headers.get(EnvelopeHeaders.SENDER), headers.get(EnvelopeHeaders.MESSAGE_TYPE), what);
  }

  /** A referral that cannot be written as it is: kept with the reason, for a person to resolve. */
  public void needsAttention(@ExchangeProperty(ORIGINAL) String original, @Headers Map<String, Object> headers,
      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    String outcome = null;
    if (cause instanceof InvalidReferralException invalid) {
      OperationOutcome issues = invalid.outcome();
      outcome = fhirContext.newJsonParser().encodeResourceToString(issues);
    }
    messages.record(inbound(headers), MessageStatus.NEEDS_ATTENTION, original, cause.getMessage(), outcome, null);
    metrics.count(Flow.REFERRAL_PROCESSING, Outcome.NEEDS_ATTENTION);
    log.warn("Message {} from {}: needs attention ({})", headers.get(EnvelopeHeaders.CONTROL_ID),
        headers.get(EnvelopeHeaders.SENDER), cause.getMessage());
  }

  /** Every retry failed: the message goes to the dead-letter queue; its row says so and why. */
  public void deadLettered(@Body String original, @Headers Map<String, Object> headers,
      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    String reason = cause == null ? "unknown" : cause.getClass().getSimpleName();
    try {
      messages.record(inbound(headers), MessageStatus.DEAD_LETTERED, original, reason, null, null);
      metrics.count(Flow.REFERRAL_PROCESSING, Outcome.DEAD_LETTERED);
    } finally {
      log.error("Message {} from {}: dead-lettered after retries ({})", headers.get(EnvelopeHeaders.CONTROL_ID),
          headers.get(EnvelopeHeaders.SENDER), reason);
    }
  }

  private static MessageStore.Inbound inbound(Map<String, Object> headers) {
    return new MessageStore.Inbound(str(headers, EnvelopeHeaders.CHANNEL), str(headers, EnvelopeHeaders.FORMAT),
        str(headers, EnvelopeHeaders.SENDER),
        str(headers, EnvelopeHeaders.CONTROL_ID), str(headers, EnvelopeHeaders.FINGERPRINT),
        str(headers, EnvelopeHeaders.MESSAGE_TYPE),
        str(headers, EnvelopeHeaders.REFERRAL_KEY), receivedAt(headers));
  }

  private static Instant receivedAt(Map<String, Object> headers) {
    Object value = headers.get(EnvelopeHeaders.RECEIVED_AT);
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    return value == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(value.toString()));
  }

  private static String str(Map<String, Object> headers, String name) {
    Object value = headers.get(name);
    return value == null ? null : value.toString();
  }
}
