package org.referralbridge.hl7;

import java.util.Optional;

/**
 * The MSH fields an acknowledgement needs, read by splitting the first segment: works on messages the full parser
 * rejects (wrong version, broken segments), so even a malformed message gets a NAK that echoes its MSH-10.
 * {@code applicationAckType} is MSH-16 (AL, NE, ER, SU; null when blank), upper-cased.
 */
public record MshHeader(ApplicationId sender, ApplicationId receiver, String messageCode, String triggerEvent,
    String controlId, String processingId, String version, String applicationAckType) {

  /** Reads the header, or empty when the text does not start with a usable MSH segment. */
  public static Optional<MshHeader> read(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = Er7Text.withoutByteOrderMark(raw).stripLeading();
    if (text.length() < 8 || !text.startsWith("MSH")) {
      return Optional.empty();
    }
    char fieldSeparator = text.charAt(3);
    if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
      return Optional.empty();
    }
    int end = indexOfSegmentEnd(text);
    String[] fields = text.substring(0, end).split(java.util.regex.Pattern.quote(String.valueOf(fieldSeparator)), -1);
    if (fields.length < 2 || fields[1].isEmpty()) {
      return Optional.empty();
    }
    char componentSeparator = fields[1].charAt(0);
    // fields[0] = "MSH", fields[1] = MSH-2, so MSH-n is fields[n - 1]
    return Optional.of(new MshHeader(
        new ApplicationId(component(fields, 3, componentSeparator, 0), component(fields, 4, componentSeparator, 0)),
        new ApplicationId(component(fields, 5, componentSeparator, 0), component(fields, 6, componentSeparator, 0)),
        component(fields, 9, componentSeparator, 0), component(fields, 9, componentSeparator, 1),
        field(fields, 10), component(fields, 11, componentSeparator, 0), component(fields, 12, componentSeparator, 0),
        upperCase(component(fields, 16, componentSeparator, 0))));
  }

  private static String upperCase(String value) {
    return value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static int indexOfSegmentEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static String field(String[] fields, int msh) {
    int index = msh - 1;
    return index < fields.length ? emptyToNull(fields[index]) : null;
  }

  private static String component(String[] fields, int msh, char separator, int component) {
    String value = field(fields, msh);
    if (value == null) {
      return null;
    }
    String[] parts = value.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    return component < parts.length ? emptyToNull(parts[component]) : null;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
