package org.referralbridge.intake;

import org.referralbridge.hl7.Acknowledgements;

/**
 * Why a message was not accepted at intake, with what the NAK says: the acknowledgement code (AR: rejected as a
 * message — unparseable, unsupported type or version, unknown sender; AE: accepted as a message but not usable —
 * a required segment or field is missing, or it could not be stored), the HL7 table 0357 error code and the
 * location (e.g. "PID-3"). The text never contains message content.
 */
public class IntakeRejection extends RuntimeException {

  /** Acknowledgement codes of a NAK. */
  public enum AckCode { AE, AR }

  private final AckCode ackCode;
  private final int errorCode;
  private final String location;

  public IntakeRejection(AckCode ackCode, int errorCode, String location, String text) {
    this(ackCode, errorCode, location, text, null);
  }

  public IntakeRejection(AckCode ackCode, int errorCode, String location, String text, Throwable cause) {
    super(text, cause);
    this.ackCode = ackCode;
    this.errorCode = errorCode;
    this.location = location;
  }

  public AckCode ackCode() {
    return ackCode;
  }

  /** HL7 table 0357 code, e.g. 101 "required field missing". */
  public int errorCode() {
    return errorCode;
  }

  /** Segment and field, e.g. "PID-3", or "MSH" or null for the message as a whole. */
  public String location() {
    return location;
  }

  /** What the NAK says. */
  public Acknowledgements.Nak nak() {
    return new Acknowledgements.Nak(ackCode.name(), errorCode, location, getMessage());
  }
}
