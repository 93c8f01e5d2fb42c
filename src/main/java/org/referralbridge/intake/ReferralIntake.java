package org.referralbridge.intake;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.message.MDM_T02;
import ca.uhn.hl7v2.model.v28.message.ORU_R01;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.model.v28.segment.PID;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.intake.IntakeRejection.AckCode;
import org.referralbridge.partner.SenderPolicy;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.translate.RefI12Translator;

/**
 * The checks a referrer's message must pass before it is acknowledged: an MSH with a sender and a control id, a
 * supported type, event and version, a structure the parser can read, and the segments it cannot do without (a
 * referral: PID with an identifier, RF1 with the referral id, a PRD naming the referrer, parsed alone: the rest of a
 * referral is parsed when it is processed; a cancellation or status
 * request, which points at a referral already sent, needs no PRD; later results, ORU^R01, need PID-3 and one OBX;
 * a document, MDM^T01/T02, PID-3 and TXA),
 * and a sender the partner directory knows (or, by configuration, one to hold in quarantine). A message that
 * passes gets the envelope headers; one that fails raises an {@link IntakeRejection} that becomes its NAK.
 */
public final class ReferralIntake {

  /**
   * A new referral (I12, or I11 as some senders send it), and the referrer's modification, cancellation and status
   * request.
   */
  private static final Set<String> EVENTS = Set.of("I12", "I11", "I13", "I14", "I15");
  /** Events that only point at a referral already sent: the referrer need not be named again. */
  private static final Set<String> REQUESTS = Set.of("I14", "I15");
  private static final Pattern VERSIONS = Pattern.compile("2\\.[3-9](\\.\\d+)?");

  private final Hl7Parser parser;
  private final int maxMessageChars;
  private final StructureLimits structureLimits;
  private final SenderPolicy senders;

  public ReferralIntake(Hl7Parser parser, int maxMessageChars, StructureLimits structureLimits,
      SenderPolicy senders) {
    this.parser = parser;
    this.maxMessageChars = maxMessageChars;
    this.structureLimits = structureLimits;
    this.senders = senders;
  }

  /** NUL and the other C0 controls besides CR, LF and TAB have no place in an HL7 v2 message. */
  static boolean hasControlCharacters(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
        return true;
      }
    }
    return false;
  }

  /** Checks a message; on success fills the envelope headers. */
  public void check(@Body String raw, @Headers Map<String, Object> headers) {
    if (raw == null || raw.isBlank()) {
      throw new IntakeRejection(AckCode.AR, 100, null, "empty message");
    }
    if (raw.length() > maxMessageChars) {
      throw new IntakeRejection(AckCode.AR, 207, null, "message larger than " + maxMessageChars + " characters");
    }
    MshHeader msh = MshHeader.read(raw)
        .orElseThrow(() -> new IntakeRejection(AckCode.AR, 100, "MSH", "message does not start with an MSH segment"));
    if (msh.controlId() == null) {
      throw new IntakeRejection(AckCode.AR, 101, "MSH-10", "message control id missing");
    }
    if (hasControlCharacters(raw)) {
      throw new IntakeRejection(AckCode.AR, 102, null, "message contains control characters (only CR, LF and TAB"
          + " are allowed between the MLLP frame bytes)");
    }
    if (msh.sender().isEmpty()) {
      throw new IntakeRejection(AckCode.AR, 101, "MSH-3", "sending application and facility missing");
    }
    if (msh.version() == null || !VERSIONS.matcher(msh.version()).matches()) {
      throw new IntakeRejection(AckCode.AR, 203, "MSH-12", "unsupported HL7 version (2.3 to 2.9 accepted)");
    }
    if ("ORU".equals(msh.messageCode())) {
      checkResults(raw, msh, headers);
      return;
    }
    if ("MDM".equals(msh.messageCode())) {
      checkDocument(raw, msh, headers);
      return;
    }
    if (!"REF".equals(msh.messageCode())) {
      throw new IntakeRejection(AckCode.AR, 200, "MSH-9", "unsupported message type (REF, ORU and MDM accepted)");
    }
    if (!EVENTS.contains(msh.triggerEvent())) {
      throw new IntakeRejection(AckCode.AR, 201, "MSH-9", "unsupported event (I11 to I15 accepted)");
    }
    REF_I12 message = parse(raw, parser::parseReferralForIntake);
    requireContent(message, !REQUESTS.contains(msh.triggerEvent()));
    RefI12Translator.ReferralIdentity identity = RefI12Translator.identityOf(message);
    envelope(headers, identity.sender().key(), msh, raw, identity.key(), identity.key());
  }

  /** Later results from a referrer (ORU^R01): a patient identifier and at least one OBX. */
  private void checkResults(String raw, MshHeader msh, Map<String, Object> headers) {
    if (!"R01".equals(msh.triggerEvent())) {
      throw new IntakeRejection(AckCode.AR, 201, "MSH-9", "unsupported event (ORU^R01 accepted)");
    }
    ORU_R01 message = parse(raw, parser::parseResults);
    try {
      PID pid = message.getPATIENT_RESULT().getPATIENT().getPID();
      requirePatientIdentifier(pid);
      if (!hasResult(message)) {
        throw new IntakeRejection(AckCode.AE, 100, "OBX", "no OBX segment (no result)");
      }
      envelope(headers, msh.sender().key(), msh, raw, null, patientGroup(msh, pid));
    } catch (HL7Exception e) {
      throw new IntakeRejection(AckCode.AR, 100, null, "message structure could not be read", e);
    }
  }

  /** A document from a referrer (MDM^T01 notification, T02 with content): a patient identifier and a TXA. */
  private void checkDocument(String raw, MshHeader msh, Map<String, Object> headers) {
    if (!"T01".equals(msh.triggerEvent()) && !"T02".equals(msh.triggerEvent())) {
      throw new IntakeRejection(AckCode.AR, 201, "MSH-9", "unsupported event (MDM^T01 and T02 accepted)");
    }
    MDM_T02 message = parse(raw, parser::parseDocument);
    try {
      PID pid = message.getPID();
      requirePatientIdentifier(pid);
      if (message.getTXA().isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 100, "TXA", "TXA segment missing");
      }
      envelope(headers, msh.sender().key(), msh, raw, null, patientGroup(msh, pid));
    } catch (HL7Exception e) {
      throw new IntakeRejection(AckCode.AR, 100, null, "message structure could not be read", e);
    }
  }

  private static void requirePatientIdentifier(PID pid) throws HL7Exception {
    if (pid.isEmpty()) {
      throw new IntakeRejection(AckCode.AE, 100, "PID", "PID segment missing");
    }
    if (pid.getPatientIdentifierList().length == 0 || pid.getPatientIdentifierList(0).getIDNumber().isEmpty()) {
      throw new IntakeRejection(AckCode.AE, 101, "PID-3", "patient identifier missing");
    }
  }

  /** One patient's results and documents from one sender are processed in order. */
  private static String patientGroup(MshHeader msh, PID pid) throws HL7Exception {
    return msh.sender().key() + "|PID|" + pid.getPatientIdentifierList(0).getIDNumber().getValue().strip();
  }

  private static boolean hasResult(ORU_R01 message) throws HL7Exception {
    for (var result : message.getPATIENT_RESULTAll()) {
      for (var order : result.getORDER_OBSERVATIONAll()) {
        for (var observation : order.getOBSERVATIONAll()) {
          if (!observation.getOBX().isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Decides on the sender and fills the envelope headers. */
  private void envelope(Map<String, Object> headers, String senderKey, MshHeader msh, String raw, String referralKey,
      String group) {
    SenderPolicy.Decision decision = senders.decide(senderKey);
    if (decision == SenderPolicy.Decision.REFUSE) {
      throw new IntakeRejection(AckCode.AR, 204, "MSH-4", "unknown sender");
    }
    headers.put(EnvelopeHeaders.QUARANTINE, decision == SenderPolicy.Decision.QUARANTINE);
    headers.put(EnvelopeHeaders.CHANNEL, "mllp");
    headers.put(EnvelopeHeaders.FORMAT, EnvelopeHeaders.FORMAT_HL7V2);
    headers.put(EnvelopeHeaders.SENDER, senderKey);
    headers.put(EnvelopeHeaders.CONTROL_ID, msh.controlId());
    headers.put(EnvelopeHeaders.FINGERPRINT, MessageFingerprint.of(raw));
    headers.put(EnvelopeHeaders.MESSAGE_TYPE, msh.messageCode() + "^" + msh.triggerEvent());
    if (referralKey != null) {
      headers.put(EnvelopeHeaders.REFERRAL_KEY, referralKey);
    }
    headers.put(EnvelopeHeaders.RECEIVED_AT, System.currentTimeMillis());
    headers.put(EnvelopeHeaders.GROUP, group);
  }

  private <M> M parse(String raw, Hl7Parser.Parse<M> parse) {
    structureLimits.check(raw);
    try {
      return parse.parse(raw);
    } catch (HL7Exception e) {
      int code = e.getErrorCode() == 0 ? 100 : e.getErrorCode();
      String segment = e.getLocation() == null ? null : e.getLocation().getSegmentName();
      throw new IntakeRejection(AckCode.AR, code, segment, "message could not be parsed", e);
    } catch (RuntimeException e) {
      throw new IntakeRejection(AckCode.AR, 100, null, "message could not be parsed", e);
    }
  }

  private static void requireContent(REF_I12 message, boolean referrerRequired) {
    try {
      PID pid = message.getPID();
      if (pid.isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 100, "PID", "PID segment missing");
      }
      if (pid.getPatientIdentifierList().length == 0 || pid.getPatientIdentifierList(0).getIDNumber().isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 101, "PID-3", "patient identifier missing");
      }
      if (message.getRF1().isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 100, "RF1", "RF1 segment missing");
      }
      if (message.getRF1().getOriginatingReferralIdentifier().getEntityIdentifier().isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 101, "RF1-6", "originating referral identifier missing");
      }
      if (!referrerRequired) {
        return;
      }
      if (message.getPROVIDER_CONTACTReps() == 0 || message.getPROVIDER_CONTACT().getPRD().isEmpty()) {
        throw new IntakeRejection(AckCode.AE, 100, "PRD", "PRD segment missing");
      }
      if (!RefI12Translator.hasReferrer(message)) {
        throw new IntakeRejection(AckCode.AE, 101, "PRD-1", "no referring provider (every PRD has role RT)");
      }
    } catch (HL7Exception e) {
      throw new IntakeRejection(AckCode.AR, 100, null, "message structure could not be read", e);
    }
  }
}
