package org.referralbridge.lifecycle;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.referralbridge.hl7.Acknowledgements;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundQueue;
import org.referralbridge.partner.Partner;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.pipeline.ReferralSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application acknowledgements (HL7 v2 enhanced mode) of a referrer's results and documents. Intake has already
 * acknowledged the message AA once it was stored (the accept acknowledgement); this says, as a message of its own
 * over the partner's MLLP channel, what became of it: AA when attached to a referral, AE with ERR 204 when it
 * matched no open referral. Whether one is sent follows MSH-16 where the sender set it (AL: always, ER: on error,
 * SU: on success, NE: never); where it did not, only the no-referral case is answered, and only when
 * {@code bridge.lifecycle.unmatched-results} is {@code application-nak}. The partner's channel must take ACK
 * messages; otherwise the outbound store records NO_CHANNEL and nothing is sent.
 */
public class ResultAcknowledgements {

  /** What became of the message. */
  enum Outcome { ATTACHED, NO_OPEN_REFERRAL }

  private static final Logger log = LoggerFactory.getLogger(ResultAcknowledgements.class);

  private final Acknowledgements acknowledgements;
  private final PartnerDirectory partners;
  private final OutboundQueue queue;
  private final LifecycleProperties properties;

  public ResultAcknowledgements(Acknowledgements acknowledgements, PartnerDirectory partners, OutboundQueue queue,
      LifecycleProperties properties) {
    this.acknowledgements = acknowledgements;
    this.partners = partners;
    this.queue = queue;
    this.properties = properties;
  }

  /**
   * Whether to send an application acknowledgement.
   *
   * @param requested the message's MSH-16 (AL, ER, SU, NE), or null
   */
  static boolean wanted(Outcome outcome, String requested, LifecycleProperties.UnmatchedResults setting) {
    boolean error = outcome == Outcome.NO_OPEN_REFERRAL;
    if (requested == null || requested.isBlank()) {
      return error && setting == LifecycleProperties.UnmatchedResults.APPLICATION_NAK;
    }
    return switch (requested) {
      case "AL" -> true;
      case "ER" -> error;
      case "SU" -> !error;
      case "NE" -> false;
      // a value outside table 0155: as if blank
      default -> error && setting == LifecycleProperties.UnmatchedResults.APPLICATION_NAK;
    };
  }

  /** The results or document were attached to a referral (the body, the ServiceRequest, is left as it is). */
  public void attached(@Body String serviceRequest, @ExchangeProperty(ReferralSteps.ORIGINAL) String original,
      @Headers Map<String, Object> headers) {
    answer(Outcome.ATTACHED, original, headers,
        serviceRequest == null ? null : serviceRequest.replace("ServiceRequest/", ""), null);
  }

  /** The results or document matched no open referral (the message is kept for staff). */
  public void unmatched(@ExchangeProperty(ReferralSteps.ORIGINAL) String original,
      @Headers Map<String, Object> headers) {
    answer(Outcome.NO_OPEN_REFERRAL, original, headers, null, new Acknowledgements.Nak("AE", 204, "PID-3",
        "No open referral from you for this patient: kept for the clinic's staff"));
  }

  private void answer(Outcome outcome, String original, Map<String, Object> headers, String serviceRequestId,
      Acknowledgements.Nak nak) {
    Optional<MshHeader> msh = MshHeader.read(original);
    if (msh.isEmpty() || !wanted(outcome, msh.get().applicationAckType(), properties.unmatchedResults())) {
      return;
    }
    Object sender = headers.get(EnvelopeHeaders.SENDER);
    Partner partner = sender == null ? null : partners.findBySender(sender.toString()).orElse(null);
    String controlId = OutboundQueue.newControlId();
    String inboundId = msh.get().controlId();
    String description = (nak == null ? "Application ACK (AA)" : "Application NAK (AE, no open referral)")
        + " of " + msh.get().messageCode() + "^" + msh.get().triggerEvent() + " " + inboundId;
    long id = queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.ACKNOWLEDGEMENT, serviceRequestId,
        partner, Partner.Format.ACK, controlId, description,
        acknowledgements.application(original, controlId, nak)));
    log.info("Message {} from {}: application acknowledgement {} queued ({})", inboundId, sender, id,
        nak == null ? "AA" : "AE");
  }
}
