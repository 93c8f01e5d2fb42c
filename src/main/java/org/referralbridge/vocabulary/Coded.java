package org.referralbridge.vocabulary;

import java.util.Locale;
import java.util.Optional;

/** A member of a code system or HL7 table held as an enum constant: its code, and the one way to look one up. */
public interface Coded {

  /** The code as the code system writes it, e.g. "A" (table 0283) or "8480-6" (LOINC). */
  String code();

  /**
   * The constant of {@code type} with this code, with surrounding blanks and in any case; empty for null or an
   * unknown code.
   */
  static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.code().toUpperCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
