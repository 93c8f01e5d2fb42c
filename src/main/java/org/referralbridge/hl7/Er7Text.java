package org.referralbridge.hl7;

/** HL7 v2 ER7 text as senders write it, made regular before anything reads it. */
public final class Er7Text {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private Er7Text() {}

  /** The text without a leading UTF-8 byte-order mark (some senders write one before MSH). */
  public static String withoutByteOrderMark(String raw) {
    int start = 0;
    while (start < raw.length() && raw.charAt(start) == BYTE_ORDER_MARK) {
      start++;
    }
    return raw.substring(start);
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
