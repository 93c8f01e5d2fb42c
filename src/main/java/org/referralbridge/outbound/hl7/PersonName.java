package org.referralbridge.outbound.hl7;

/**
 * A person's name as an XPN / XCN: family (XPN-1), given (XPN-2), further given names (XPN-3), suffix such as Jr
 * (XPN-4), prefix such as Dr (XPN-5) and credentials such as MD (XPN-14 / XCN-21 professional suffix). Any part
 * may be null; {@link #toString()} shows no part of it (names are patient data).
 */
public record PersonName(String family, String given, String middle, String suffix, String prefix,
    String credentials) {

  /** A name of family and given name only. */
  public static PersonName of(String family, String given) {
    return new PersonName(family, given, null, null, null, null);
  }

  @Override
  public String toString() {
    return "PersonName[redacted]";
  }
}
