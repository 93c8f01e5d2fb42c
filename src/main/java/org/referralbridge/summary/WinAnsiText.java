package org.referralbridge.summary;

import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Makes text showable with the standard 14 PDF fonts, which encode only WinAnsi (Windows-1252) characters: common
 * symbols get an ASCII spelling (≥ becomes {@code >=}), accented letters outside WinAnsi lose the accent (ő becomes
 * o), control characters become spaces, and anything else becomes {@code ?}. PDFBox would otherwise throw on the first such
 * character in a clinician's note.
 */
final class WinAnsiText {

  private static final Map<Integer, String> SPELLINGS = Map.ofEntries(
      Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"),
      Map.entry(0x2212, "-"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2248, "~"),
      Map.entry(0x2260, "!="), Map.entry(0x2191, "up"), Map.entry(0x2193, "down"), Map.entry(0x2082, "2"),
      Map.entry(0x2009, " "), Map.entry(0x202F, " "), Map.entry(0x2007, " "), Map.entry(0x200B, ""),
      Map.entry(0x2713, "yes"), Map.entry(0x2717, "no"), Map.entry(0x2032, "'"), Map.entry(0x2033, "\""));

  private WinAnsiText() {}

  static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> append(out, cp));
    return out.toString();
  }

  private static void append(StringBuilder out, int cp) {
    String spelling = SPELLINGS.get(cp);
    if (spelling != null) {
      out.append(spelling);
    } else if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') {
      out.append(' ');
    } else if (encodable(cp)) {
      out.appendCodePoint(cp);
    } else {
      String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
      if (!base.isEmpty() && base.codePointAt(0) != cp && encodable(base.codePointAt(0))) {
        out.appendCodePoint(base.codePointAt(0));
      } else {
        out.append('?');
      }
    }
  }

  private static boolean encodable(int cp) {
    return WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(cp));
  }
}
