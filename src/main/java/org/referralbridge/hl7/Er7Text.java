package org.referralbridge.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
    if (misread && highestChar(text) <= 0xFF) {
      text = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
    return text;
  }

  /**
   * UTF-8 that was read as ISO-8859-1, read again as UTF-8. Without MSH-18 the MLLP consumer decodes with
   * ISO-8859-1, but most senders today (this project's {@code MllpSend} among them) write UTF-8 without saying so,
   * and "Müller" would become "MÃ¼ller". When MSH-18 is empty and the text's bytes are well-formed UTF-8 with at
   * least one character beyond ASCII, they are UTF-8: ISO-8859-1 text is almost never also well-formed UTF-8 (an
   * accented letter would have to be followed by just the right symbol). A declared MSH-18 is taken at its word.
   */
  public static String utf8ReadAsLatin1(String text) {
    char highest = highestChar(text);
    if (highest < 0x80 || highest > 0xFF || declaresCharacterSet(text)) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
    } catch (CharacterCodingException notUtf8) {
      return text;
    }
  }

  /** The text's highest character (0 for no text): one pass on every message's path, so a plain loop. */
  private static char highestChar(String text) {
    char highest = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > highest) {
        highest = c;
      }
    }
    return highest;
  }

  /** True when the MSH segment's MSH-18 (character set) is not empty. */
  private static boolean declaresCharacterSet(String text) {
    int start = text.indexOf("MSH");
    if (start < 0 || text.length() < start + 4) {
      return false;
    }
    char separator = text.charAt(start + 3);
    int end = start;
    while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
      end++;
    }
    String[] fields = text.substring(start, end).split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    // fields[0] = "MSH", fields[1] = MSH-2: MSH-18 is fields[17]
    return fields.length > 17 && !fields[17].isBlank();
  }

  /**
   * The segments ended by CR: no byte-order mark, UTF-8 read as ISO-8859-1 read again, LF and CRLF read as CR, blank
   * lines and outer spaces dropped.
   */
  public static String segments(String raw) {
    String text = utf8ReadAsLatin1(withoutByteOrderMark(raw)).strip();
    if (text.indexOf('\n') >= 0) {
      text = text.replace("\r\n", "\r").replace('\n', '\r');
    }
    if (text.contains("\r\r")) {
      text = text.replaceAll("\r{2,}", "\r");
    }
    return text;
  }
}
