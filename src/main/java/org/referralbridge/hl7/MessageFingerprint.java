package org.referralbridge.hl7;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What tells a re-sent message from a new one that reuses a control id: the message's content without MSH-7, as a
 * SHA-256 (64 hex digits). Senders reuse control ids (a counter reset, one id for a referral and its later
 * cancel), so a sender and a control id alone do not make a duplicate; a re-send of the same message often carries
 * a new MSH-7, so the time of the message does not count. Segments are compared as {@link Er7Text#segments} makes
 * them (no byte-order mark, one CR after each), so a copy that only differs in line endings is the same message.
 */
public final class MessageFingerprint {

  /** MSH-7 is the seventh field: "MSH", MSH-2 (the encoding characters), ... so its index after a split is 6. */
  private static final int MSH_7 = 6;

  private MessageFingerprint() {}

  /** The fingerprint of a message as received (any text: one with no MSH is fingerprinted as it is). */
  public static String of(String raw) {
    return sha256(withoutMessageTime(Er7Text.segments(raw == null ? "" : raw)));
  }

  /** The text with MSH-7 emptied, when it starts with an MSH segment; otherwise unchanged. */
  static String withoutMessageTime(String segments) {
    if (segments.length() < 4 || !segments.startsWith("MSH")) {
      return segments;
    }
    char separator = segments.charAt(3);
    int end = segments.indexOf('\r');
    String msh = end < 0 ? segments : segments.substring(0, end);
    String[] fields = msh.split(Pattern.quote(String.valueOf(separator)), -1);
    if (fields.length <= MSH_7) {
      return segments;
    }
    fields[MSH_7] = "";
    return String.join(String.valueOf(separator), fields) + (end < 0 ? "" : segments.substring(end));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
