package org.referralbridge.outbound.hl7;

import java.util.Objects;
import org.referralbridge.vocabulary.Loinc;

/**
 * A coded value as written in a CE / CWE: code, display text and the HL7 v2 name of its coding system (table 0396,
 * e.g. {@code LN} for LOINC, {@code L} for a local code).
 */
public record Code(String code, String display, String system) {

  public Code {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("code is required");
    }
    Objects.requireNonNull(system, "coding system");
  }

  /** A LOINC code with its display, e.g. {@code 8480-6^Systolic blood pressure^LN}. */
  public static Code loinc(Loinc loinc) {
    return new Code(loinc.code(), loinc.display(), OutboundCodes.LOINC);
  }
}
