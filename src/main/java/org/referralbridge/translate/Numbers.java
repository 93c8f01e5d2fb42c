package org.referralbridge.translate;

import java.math.BigDecimal;

/**
 * HL7 NM values as senders write them: the look-alike minus signs and hyphens (U+2212, U+2010..U+2013) and a
 * leading plus are read as the number they mean; anything else that is not a decimal number gives null.
 */
final class Numbers {

  private Numbers() {}

  static BigDecimal parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String normalised = value.strip().replaceAll("[\u2010\u2011\u2012\u2013\u2212]", "-");
    if (normalised.startsWith("+")) {
      normalised = normalised.substring(1);
    }
    if (!normalised.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      return null;
    }
    return new BigDecimal(normalised);
  }
}
