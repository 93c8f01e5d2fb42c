package org.referralbridge.intake;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.referralbridge.hl7.Acknowledgements;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.operations.BridgeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any intake failure into its NAK, after keeping the message in the message store for operators. The only
 * place intake errors become acknowledgements: typed {@link IntakeRejection}s keep their code; anything else (the
 * broker refused the message, a bug) becomes AE 207, so the sender knows it was not stored and can resend.
 */
public class RejectedMessages {

  private static final Logger log = LoggerFactory.getLogger(RejectedMessages.class);

  private final MessageStore messages;
  private final Acknowledgements acknowledgements;
  private final BridgeMetrics metrics;

  public RejectedMessages(MessageStore messages, Acknowledgements acknowledgements, BridgeMetrics metrics) {
    this.messages = messages;
    this.acknowledgements = acknowledgements;
    this.metrics = metrics;
  }

  /** Keeps the message and returns the NAK to send. */
  public String nak(@Body String raw, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
    IntakeRejection rejection = cause instanceof IntakeRejection r ? r
        : new IntakeRejection(IntakeRejection.AckCode.AE, 207, null,
            "message could not be stored, resend later", cause);
    MshHeader msh = MshHeader.read(raw).orElse(null);
    String sender = msh == null || msh.sender().isEmpty() ? null : msh.sender().key();
    String controlId = msh == null ? null : msh.controlId();
    try {
      messages.recordRejected("mllp", sender, controlId, rejection.ackCode().name(), rejection.errorCode(),
          rejection.location(), rejection.getMessage(), raw);
    } catch (RuntimeException storeDown) {
      log.error("Message {} from {}: could not be kept in the message store ({})", controlId, sender,
          storeDown.getClass().getSimpleName());
    }
    metrics.count(BridgeMetrics.Flow.REFERRAL_INTAKE, BridgeMetrics.Outcome.REJECTED);
    if (cause instanceof IntakeRejection) {
      log.info("Message {} from {}: {} {} at {} ({})", controlId, sender, rejection.ackCode(), rejection.errorCode(),
          rejection.location(), rejection.getMessage());
    } else {
      log.error("Message {} from {}: not stored, AE 207 ({})", controlId, sender, cause.getClass().getSimpleName());
    }
    return acknowledgements.rejected(raw, rejection.nak());
  }

}
