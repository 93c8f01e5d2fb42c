package org.referralbridge.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v28.message.MDM_T02;
import ca.uhn.hl7v2.model.v28.message.ORU_R01;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Set;

/**
 * Parses HL7 v2 messages of every version from 2.3 to 2.9 into one version's structures (v2.8, HAPI's canonical
 * model), so that one translator serves all senders. HAPI's field validation is off: real senders' phone numbers
 * and dates are irregular, and what the mapping needs is checked where it is used. Thread-safe.
 */
public final class Hl7Parser {

  public static final String CANONICAL_VERSION = "2.8";
  /** What intake reads of a referral before its ACK: the header, the patient, the referral, the providers. */
  private static final Set<String> INTAKE_SEGMENTS = Set.of("MSH", "PID", "RF1", "PRD");

  private final HapiContext context;
  private final PipeParser parser;

  public Hl7Parser() {
    context = new DefaultHapiContext(new CanonicalTypes(CANONICAL_VERSION));
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    parser = context.getPipeParser();
  }

  /** One of this parser's methods, e.g. {@code parser::parseResults}: for code that parses whichever type came. */
  @FunctionalInterface
  public interface Parse<M> {
    M parse(String raw) throws HL7Exception;
  }

  /** Parses a REF message (I11 or I12, any version) into the v2.8 REF_I12 structure. */
  public REF_I12 parseReferral(String raw) throws HL7Exception {
    REF_I12 message = new REF_I12(context.getModelClassFactory());
    message.setParser(parser);
    message.parse(normalise(raw));
    return message;
  }

  /**
   * Parses only a referral's MSH, PID, RF1 and PRD segments, into the same REF_I12 structure, for the checks before
   * the ACK; the whole message is parsed when it is processed. The checks then ran 1.8 times as fast (JMH
   * {@code intakeCheck} on the benchmark referral, 2026-12-07). The four segments are the text the whole message's
   * parse reads, in the same order, so they come out the same: a parity test runs the dirt corpus and every HL7 file
   * of the tests through both parses.
   */
  public REF_I12 parseReferralForIntake(String raw) throws HL7Exception {
    REF_I12 message = new REF_I12(context.getModelClassFactory());
    message.setParser(parser);
    message.parse(ReferralSegmentOrder.canonical(intakeSegments(Er7Text.segments(raw))));
    return message;
  }

  /**
   * The segments named MSH, PID, RF1 or PRD: by their first three characters after any leading spaces, a superset of
   * what HAPI's parser files under those names (it skips leading white space and reads the name up to the field
   * separator).
   */
  static String intakeSegments(String segments) {
    StringBuilder kept = new StringBuilder(segments.length());
    int start = 0;
    while (start <= segments.length()) {
      int end = segments.indexOf('\r', start);
      if (end < 0) {
        end = segments.length();
      }
      int name = start;
      while (name < end && Character.isWhitespace(segments.charAt(name))) {
        name++;
      }
      if (end - name >= 3 && INTAKE_SEGMENTS.contains(segments.substring(name, name + 3))) {
        if (!kept.isEmpty()) {
          kept.append('\r');
        }
        kept.append(segments, start, end);
      }
      start = end + 1;
    }
    return kept.toString();
  }

  /** Parses an ORU^R01 (results, any version) into the v2.8 ORU_R01 structure. */
  public ORU_R01 parseResults(String raw) throws HL7Exception {
    ORU_R01 message = new ORU_R01(context.getModelClassFactory());
    message.setParser(parser);
    message.parse(Er7Text.segments(raw));
    return message;
  }

  /** Parses an MDM^T01 or T02 (a document, any version) into the v2.8 MDM_T02 structure. */
  public MDM_T02 parseDocument(String raw) throws HL7Exception {
    MDM_T02 message = new MDM_T02(context.getModelClassFactory());
    message.setParser(parser);
    message.parse(Er7Text.segments(raw));
    return message;
  }

  /**
   * Text as senders send it → text HAPI parses: no byte-order mark, segments ended by CR (LF and CRLF tolerated),
   * no blank lines, and a referral's segments in the order of the REF_I12 structure (HAPI's parser skips a segment it
   * meets before its place, so a PID sent before RF1 would otherwise lose RF1).
   */
  static String normalise(String raw) {
    return ReferralSegmentOrder.canonical(Er7Text.segments(raw));
  }
}
