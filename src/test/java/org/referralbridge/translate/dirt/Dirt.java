package org.referralbridge.translate.dirt;

import java.util.Locale;

/** One kind of dirt that real senders put into referrals (docs/domain.md, "Real senders"). */
enum Dirt {
  FREE_TEXT_CODES("free text or an invalid code in a coded field (CWE/CE/IS/ID, CX-5, XTN-2/3, XAD-7, XPN-7)"),
  WRONG_TABLE_CODES("a code from another table or code system (X12 relationship codes in NK1-3/IN1-17, FHIR codes)"),
  LOCAL_IDENTIFIER_TYPES("local identifier types (CX-5 \"MRN\", \"LOCAL\", \"CLINIC ID\"; PLN-2)"),
  LANGUAGE_CODES("PID-15 as HL70296, ISO 639-2, a language name or a BCP-47 tag instead of ISO 639-1"),
  INVALID_OIDS("invalid OIDs or URIs as HD universal ids (PID-3.4, IN1-3.4, MSH-4, PRD-7, PRD-10.6)"),
  MALFORMED_DATES("partial, impossible or badly formatted dates and offsets in a date field"),
  MALFORMED_NUMBERS("numbers that are not numbers (OBX-5 NM, AUT-7/8/9)"),
  UNEXPECTED_REPEATS("repetitions where one value is expected, or a second RF1/PID"),
  SEGMENTS_OUT_OF_ORDER("segments out of the REF^I12 order (NTE before PID, DG1 before PRD, PV1 in the middle)"),
  Z_SEGMENTS("Z-segments anywhere after MSH"),
  EMPTY_SEGMENTS("empty segments (\"NTE\", \"NK1|\", \"OBX|||\") where such a segment belongs"),
  TRAILING_DELIMITERS("trailing field, component or repetition separators"),
  LOOK_ALIKE_CHARACTERS("non-ASCII and look-alike characters: U+2011/U+2013/U+2212, NBSP, curly quotes, accents, CJK"),
  ESCAPE_SEQUENCES("escape sequences (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\X0D\\ \\.br\\ \\H\\ \\N\\) and stray"
      + " backslashes in text"),
  TRUNCATION_CHARACTER("a truncation character in MSH-2 (^~\\&#) with v2.7 or later"),
  BYTE_ORDER_MARK("a UTF-8 byte order mark before MSH"),
  LINE_ENDINGS("LF, CRLF or mixed segment ends"),
  I11_EVENT("a referral sent as REF^I11 (with or without a message structure)"),
  VERSIONS("every version from 2.3 to 2.9 in MSH-12"),
  ESSENTIALS_MISSING("no PID-3 value, no RF1-6, no PRD, no PID or no RF1: not a usable referral");

  private final String description;

  Dirt(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** The kind's name in kebab case, e.g. "free-text-codes" (fixture file names, variant ids). */
  String kebab() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
