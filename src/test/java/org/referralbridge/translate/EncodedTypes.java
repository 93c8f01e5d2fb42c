package org.referralbridge.translate;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractType;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.DTM;
import ca.uhn.hl7v2.model.v28.datatype.XAD;
import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.datatype.XTN;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.function.Function;

/** HL7 v2.8 data types parsed from their pipe encoding (e.g. {@code "Quill^Morgan"}), for the data type tests. */
final class EncodedTypes {

  private static final REF_I12 MESSAGE = message();

  private EncodedTypes() {}

  static DTM dtm(String encoded) {
    return parsed(encoded, DTM::new);
  }

  static XTN xtn(String encoded) {
    return parsed(encoded, XTN::new);
  }

  static CWE cwe(String encoded) {
    return parsed(encoded, CWE::new);
  }

  static XPN xpn(String encoded) {
    return parsed(encoded, XPN::new);
  }

  static XAD xad(String encoded) {
    return parsed(encoded, XAD::new);
  }

  /** A type of {@link #MESSAGE}, parsed from its pipe encoding as the parser would (no HAPI validation). */
  private static <T extends AbstractType> T parsed(String encoded, Function<REF_I12, T> type) {
    T value = type.apply(MESSAGE);
    try {
      value.parse(encoded);
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
    return value;
  }

  private static REF_I12 message() {
    HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.8"));
    context.setValidationContext(ValidationContextFactory.noValidation());
    REF_I12 message = new REF_I12(context.getModelClassFactory());
    message.setParser(context.getPipeParser());
    try {
      message.getMSH().getFieldSeparator().setValue("|");
      message.getMSH().getEncodingCharacters().setValue("^~\\&");
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
    return message;
  }
}
