package org.referralbridge.outbound.hl7;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;

/**
 * The escaping HAPI's encoder uses for outbound messages: every delimiter, the escape character included, becomes
 * its escape sequence (\F\ \S\ \R\ \E\ \T\), and every control character (CR, LF, the MLLP framing bytes, ...)
 * becomes a space.
 *
 * <p>HAPI's {@link DefaultEscaping} leaves text that looks like a formatting or hex sequence ({@code \.br\},
 * {@code \H\}, {@code \X..\}) as it is, delimiters inside it included, so text such as {@code \.|x\} would put a raw
 * field separator into the message; and it writes CR as {@code \X000d\} and LF not at all. Here nothing in a value
 * can change the message's structure, and a standard parser reads back exactly the value that was written
 * (line breaks in notes are kept as separate NTE segments before they reach this point).
 */
final class StrictEscaping implements Escaping {

  private final Escaping unescaping = new DefaultEscaping();

  @Override
  public String escape(String text, EncodingCharacters encoding) {
    char escape = encoding.getEscapeCharacter();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char code = c == encoding.getFieldSeparator() ? 'F'
          : c == encoding.getComponentSeparator() ? 'S'
          : c == encoding.getRepetitionSeparator() ? 'R'
          : c == escape ? 'E'
          : c == encoding.getSubcomponentSeparator() ? 'T'
          : 0;
      if (code != 0) {
        out.append(escape).append(code).append(escape);
      } else if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String unescape(String text, EncodingCharacters encoding) {
    return unescaping.unescape(text, encoding);
  }
}
