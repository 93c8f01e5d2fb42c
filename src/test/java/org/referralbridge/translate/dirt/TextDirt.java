package org.referralbridge.translate.dirt;

import java.util.List;

/**
 * Dirt in characters: look-alike and non-ASCII characters (names, phone numbers, numbers, text), and escape
 * sequences in text fields. Never touches PID-3.1 or RF1-6.1. Names are invented.
 */
final class TextDirt {

  private static final String NON_BREAKING_HYPHEN = "\u2011";
  private static final String EN_DASH = "\u2013";
  private static final String MINUS = "\u2212";
  private static final String NBSP = "\u00A0";
  private static final String ZERO_WIDTH_SPACE = "\u200B";

  private static final List<String> ACCENTED_FAMILY = List.of("Núñez", "Müller-Lüdenscheidt", "Đorđević",
      "Ångström", "Oğuz", "Sørensen");
  private static final List<String> ACCENTED_GIVEN = List.of("José", "Zoë", "Zoe\u0308", "Inès", "Łukasz", "Søren");
  private static final List<String> CJK_NAMES = List.of("王^小明", "山田^花子", "김^민준", "陳^美玲");
  private static final List<String> CURLY = List.of("Patient says “it helps a bit”.", "Referrer’s note: ‘urgent’.",
      "Mother’s history of depression.");

  private static final List<String> ESCAPED_TEXT = List.of("Nightmares \\T\\ flashbacks persist.",
      "BP 150\\S\\95 at intake.", "First line.\\.br\\Second line.", "Cost \\F\\ benefit discussed.",
      "Dose 1\\R\\2 tablets.", "Path \\E\\ backslash kept.", "Carriage\\X0D\\return inside.",
      "\\H\\Important\\N\\: fasting required.", "All: \\F\\\\S\\\\T\\\\R\\\\E\\ done.",
      "Unterminated \\F escape.", "Saved in C:\\temp\\notes.", "Unknown \\Zfoo\\ sequence.");
  private static final List<String> TEXT_FIELDS = List.of("NTE-3", "RF1-14", "DG1-4", "AL1-5", "OBX-5", "PID-5.1",
      "IN1-4", "PRD-2.1");

  private TextDirt() {}

  static String lookAlikes(Dirtying d) {
    return switch (d.below(7)) {
      case 0 -> dashInPhone(d);
      case 1 -> lookAlikeInNumber(d);
      case 2 -> nonBreakingSpace(d);
      case 3 -> {
        Er7Message m = d.base();
        int rf1 = m.indexesOf("RF1").get(0);
        if (d.chance(0.5)) {
          d.set(m, rf1, "RF1-14", d.one(CURLY));
        } else {
          d.set(m, m.indexesOf("PID").get(0), "PID-5.1", d.one("O’Brien", "D’Angelo", "“Sam” Sampleton"));
        }
        yield m.render();
      }
      case 4 -> {
        Er7Message m = d.base();
        int pid = m.indexesOf("PID").get(0);
        d.set(m, pid, "PID-5.1", d.one(ACCENTED_FAMILY));
        d.set(m, pid, "PID-5.2", d.one(ACCENTED_GIVEN));
        yield m.render();
      }
      case 5 -> {
        Er7Message m = d.base();
        String segment = d.one("PID", "PRD");
        String path = segment.equals("PID") ? "PID-5" : "PRD-2";
        String name = d.one(CJK_NAMES);
        d.set(m, m.indexesOf(segment).get(0), path, name + (d.chance(0.5) ? "^^^^^L" : ""));
        yield m.render();
      }
      default -> {
        Er7Message m = d.base();
        d.set(m, m.indexesOf("RF1").get(0), "RF1-14", "Re" + ZERO_WIDTH_SPACE + "ferral for evaluation");
        yield m.render();
      }
    };
  }

  static String escapes(Dirtying d) {
    String path = d.one(TEXT_FIELDS);
    String segment = path.substring(0, 3);
    String text = d.one(ESCAPED_TEXT);
    if (path.equals("OBX-5")) {
      Er7Message m = d.baseWhere(b -> !textResults(b).isEmpty());
      d.set(m, d.one(textResults(m)), path, text);
      return m.render();
    }
    if (segment.equals("NTE")) {
      Er7Message m = d.base();
      if (!m.has("NTE")) {
        m.insert(m.size(), "NTE|1|P|");
      }
      d.set(m, d.anyIndexOf(m, "NTE"), path, text);
      return m.render();
    }
    Er7Message m = d.baseWith(segment);
    d.set(m, d.anyIndexOf(m, segment), path, path.equals("PID-5.1") || path.equals("PRD-2.1")
        ? d.one("Smith\\T\\Jones", "O\\S\\Brien", "Sampleton\\F\\", "Example\\E\\") : text);
    return m.render();
  }

  private static String dashInPhone(Dirtying d) {
    String dash = d.one(NON_BREAKING_HYPHEN, EN_DASH, MINUS);
    Er7Message m = d.base();
    int pid = m.indexesOf("PID").get(0);
    if (d.chance(0.5)) {
      d.set(m, pid, "PID-13", "(541)555" + dash + "0101^PRN^PH");
    } else {
      d.set(m, pid, "PID-13", "^PRN^PH^^1^541^555" + dash + "0101");
    }
    return m.render();
  }

  private static String lookAlikeInNumber(Dirtying d) {
    Er7Message m = d.baseWhere(b -> !ValueDirt.numericResults(b).isEmpty());
    int obx = d.one(ValueDirt.numericResults(m));
    if (d.chance(0.5)) {
      d.set(m, obx, "OBX-7", "0" + d.one(EN_DASH, NON_BREAKING_HYPHEN, MINUS) + "27");
    } else {
      d.set(m, obx, "OBX-5", d.one(MINUS + "2", "1" + NBSP + "8", "２１"));
    }
    return m.render();
  }

  private static String nonBreakingSpace(Dirtying d) {
    Er7Message m = d.base();
    switch (d.below(3)) {
      case 0 -> d.set(m, m.indexesOf("PID").get(0), "PID-5.2", "Mary" + NBSP + "Ann");
      case 1 -> d.set(m, m.indexesOf("RF1").get(0), "RF1-2.1", m.get(m.indexesOf("RF1").get(0), "RF1-2.1") + NBSP);
      default -> d.set(m, m.indexesOf("PID").get(0), "PID-13", "^PRN^PH^^1^541^555" + NBSP + "0101");
    }
    return m.render();
  }

  /** Indexes of OBX segments whose value is text (ST, TX, FT). */
  private static List<Integer> textResults(Er7Message m) {
    return m.indexesOf("OBX").stream().filter(i -> List.of("ST", "TX", "FT").contains(m.get(i, "OBX-2"))).toList();
  }
}
