package org.referralbridge.outbound.hl7;

/**
 * An outbound message could not be built: a value its structure requires is missing, or HAPI refused a value.
 * The message names the field (e.g. "RF1-6") and never contains patient data.
 */
public class OutboundMessageException extends RuntimeException {

  public OutboundMessageException(String message) {
    super(message);
  }

  public OutboundMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
