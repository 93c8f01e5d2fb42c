package org.referralbridge.translate.dirt;

import java.util.List;

/** Dirt in the envelope: MSH-2, MSH-9, MSH-12, a byte order mark, line ends. */
final class EnvelopeDirt {

  static final List<String> VERSIONS = List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8",
      "2.8.1", "2.8.2", "2.9");
  private static final List<String> TRUNCATING_VERSIONS = VERSIONS.subList(VERSIONS.indexOf("2.7"), VERSIONS.size());
  private static final String BOM = "\uFEFF";

  private EnvelopeDirt() {}

  static String truncationCharacter(Dirtying d) {
    Er7Message m = d.base();
    d.set(m, 0, "MSH-12", d.one(TRUNCATING_VERSIONS));
    if (d.chance(0.5)) {
      int rf1 = m.indexesOf("RF1").get(0);
      d.set(m, rf1, "RF1-14", "Long reason text cut off by the sender#");
    }
    String msh = m.segment(0);
    String encoding = m.encodingCharacters();
    m.replace(0, msh.substring(0, 4) + encoding + "#" + msh.substring(4 + encoding.length()));
    d.note("MSH-2 = " + m.encodingCharacters());
    return m.render();
  }

  static String byteOrderMark(Dirtying d) {
    Er7Message m = d.base();
    boolean doubled = d.chance(0.1);
    d.note(doubled ? "two BOMs" : "BOM");
    return (doubled ? BOM + BOM : BOM) + m.render();
  }

  static String lineEndings(Dirtying d) {
    Er7Message m = d.base();
    String cr = m.render();
    return switch (d.below(4)) {
      case 0 -> {
        d.note("LF");
        yield cr.replace("\r", "\n");
      }
      case 1 -> {
        d.note("CRLF");
        yield cr.replace("\r", "\r\n");
      }
      case 2 -> {
        d.note("LF and a blank line at the end");
        yield cr.replace("\r", "\n") + "\n";
      }
      default -> {
        d.note("CR, LF and CRLF mixed");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
          out.append(m.segment(i)).append(i == 0 ? d.one("\n", "\r\n") : d.one("\r", "\n", "\r\n"));
        }
        yield out.toString();
      }
    };
  }

  static String i11Event(Dirtying d) {
    Er7Message m = d.base();
    d.set(m, 0, "MSH-9", d.one("REF^I11", "REF^I11^REF_I11", "REF^I11^REF_I12"));
    return m.render();
  }

  static String versions(Dirtying d) {
    Er7Message m = d.base();
    d.set(m, 0, "MSH-12", VERSIONS.get(d.turn() % VERSIONS.size()));
    return m.render();
  }
}
