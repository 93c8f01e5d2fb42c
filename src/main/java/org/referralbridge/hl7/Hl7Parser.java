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

/**
 * Parses HL7 v2 messages of every version from 2.3 to 2.9 into one version's structures (v2.8, HAPI's canonical
 * model), so that one translator serves all senders. HAPI's field validation is off: real senders' phone numbers
 * and dates are irregular, and what the mapping needs is checked where it is used. Thread-safe.
 */
public final class Hl7Parser {

  public static final String CANONICAL_VERSION = "2.8";

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
