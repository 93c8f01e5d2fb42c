package org.referralbridge.hl7;

import java.nio.charset.StandardCharsets;

/** HL7 v2 ER7 text as senders write it, made regular before anything reads it. */
public final class Er7Text {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final String BYTE_ORDER_MARK_AS_LATIN_1 = "\u00EF\u00BB\u00BF";

  private Er7Text() {}

  /**
   * The text without a leading UTF-8 byte-order mark (some senders write one before MSH). Read as ISO-8859-1 (the
   * MLLP consumer's default without MSH-18) the mark is the three characters "ï»¿": the mark says the bytes are
   * UTF-8, so the rest is read again as UTF-8 (lossless: every character of an ISO-8859-1 decoding is one byte).
   */
  public static String withoutByteOrderMark(String raw) {
    String text = raw;
    boolean misread = false;
    while (true) {
      if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
        text = text.substring(1);
      } else if (text.startsWith(BYTE_ORDER_MARK_AS_LATIN_1)) {
        text = text.substring(BYTE_ORDER_MARK_AS_LATIN_1.length());
        misread = true;
      } else {
        break;
      }
    }
    if (misread && text.chars().allMatch(c -> c <= 0xFF)) {
      text = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
    return text;
  }

  /** The segments ended by CR: no byte-order mark, LF and CRLF read as CR, blank lines and outer spaces dropped. */
  public static String segments(String raw) {
    String text = withoutByteOrderMark(raw).strip();
    if (text.indexOf('\n') >= 0) {
      text = text.replace("\r\n", "\r").replace('\n', '\r');
    }
    if (text.contains("\r\r")) {
      text = text.replaceAll("\r{2,}", "\r");
    }
    return text;
  }
}
