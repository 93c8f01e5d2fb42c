package org.referralbridge.translate.dirt;

import java.util.List;

/** Dirt in values: dates, numbers, repetitions, trailing delimiters. Never touches PID-3.1, RF1-6.1 or MSH-1..12. */
final class ValueDirt {

  private static final List<String> DATE_FIELDS = List.of("PID-7", "RF1-7", "RF1-8", "MSH-7", "OBX-14", "OBR-7",
      "DG1-5", "AL1-6", "IN1-12", "IN1-13", "AUT-4", "AUT-5", "AUT-10");
  private static final List<String> BAD_DATES = List.of("2023", "202301", "20230231", "2023010112345678901",
      "2023010112345", "20230101+25", "2023-01-01", "01/02/2023", "20230101120000.12345", "20230101 1200",
      "20231301", "00000000", "20230101T120000Z", "20230101120000-0800-0800");
  private static final List<String> BAD_RESULTS = List.of("≥20", "12,5", "n/a", ">20", "<5", "1 8", "18.0.1",
      "eighteen", "18 (moderately severe)", "+", ".");
  private static final List<String> BAD_TREATMENT_COUNTS = List.of("ten", "6 sessions", "6-8", "≥6", "six");
  private static final List<String> BAD_AMOUNTS = List.of("1,500.00", "$1500", "1500 USD", "1.500,00");

  private ValueDirt() {}

  static String malformedDates(Dirtying d) {
    String path = d.one(DATE_FIELDS);
    String segment = path.substring(0, 3);
    Er7Message m = d.baseWith(segment);
    d.set(m, d.anyIndexOf(m, segment), path, d.one(BAD_DATES));
    return m.render();
  }

  static String malformedNumbers(Dirtying d) {
    if (d.chance(0.6)) {
      Er7Message m = d.baseWhere(b -> !numericResults(b).isEmpty());
      d.set(m, d.one(numericResults(m)), "OBX-5", d.one(BAD_RESULTS));
      return m.render();
    }
    Er7Message m = d.baseWith("AUT");
    int aut = m.indexesOf("AUT").get(0);
    switch (d.below(3)) {
      case 0 -> d.set(m, aut, "AUT-8", d.one(BAD_TREATMENT_COUNTS));
      case 1 -> d.set(m, aut, "AUT-9", d.one(BAD_TREATMENT_COUNTS));
      default -> d.set(m, aut, "AUT-7.1", d.one(BAD_AMOUNTS));
    }
    return m.render();
  }

  static String unexpectedRepeats(Dirtying d) {
    switch (d.below(7)) {
      case 0 -> {
        Er7Message m = d.base();
        int pid = m.indexesOf("PID").get(0);
        String birth = m.get(pid, "PID-7");
        d.set(m, pid, "PID-7", birth + "~" + (d.chance(0.5) ? "" : "19850616"));
        return m.render();
      }
      case 1 -> {
        Er7Message m = d.base();
        d.set(m, m.indexesOf("PID").get(0), "PID-8", d.one("F~M", "M~U", "F^Female^HL70001~F"));
        return m.render();
      }
      case 2 -> {
        Er7Message m = d.base();
        d.set(m, m.indexesOf("RF1").get(0), "RF1-2", d.one("R~S", "R^Routine^HL70280~S^STAT^HL70280"));
        return m.render();
      }
      case 3 -> {
        Er7Message m = d.base();
        d.set(m, m.indexesOf("RF1").get(0), "RF1-1", d.one("P~A", "P^Pending^HL70283~A^Accepted^HL70283"));
        return m.render();
      }
      case 4 -> {
        Er7Message m = d.baseWith("OBX");
        d.set(m, d.anyIndexOf(m, "OBX"), "OBX-11", d.one("F~C", "P~F"));
        return m.render();
      }
      case 5 -> {
        Er7Message m = d.base();
        int rf1 = m.indexesOf("RF1").get(0);
        Er7Message second = m.copy();
        if (d.chance(0.5)) {
          second.set(rf1, "RF1-6.1", m.get(rf1, "RF1-6.1") + "-B");
        }
        m.insert(rf1 + 1, second.segment(rf1));
        d.note("a second RF1" + (second.segment(rf1).equals(m.segment(rf1)) ? " (a copy)" : " (another RF1-6)"));
        return m.render();
      }
      default -> {
        Er7Message m = d.base();
        int pid = m.indexesOf("PID").get(0);
        m.insert(pid + 1, m.segment(pid));
        d.note("a second PID (a copy)");
        return m.render();
      }
    }
  }

  static String trailingDelimiters(Dirtying d) {
    Er7Message m = d.base();
    switch (d.below(3)) {
      case 0 -> {
        int index = d.below(m.size());
        String tail = "|".repeat(1 + d.below(4));
        m.replace(index, m.segment(index) + m.er7(tail));
        d.note(m.nameOf(index) + " ends with " + tail);
      }
      case 1 -> appendToAField(d, m, d.one("^^^", "^", "^^"));
      default -> appendToAField(d, m, "~");
    }
    return m.render();
  }

  /** Appends to the end of a random non-empty field of a segment other than MSH. */
  private static void appendToAField(Dirtying d, Er7Message m, String tail) {
    int index = 1 + d.below(m.size() - 1);
    List<Integer> filled = new java.util.ArrayList<>();
    for (int field = 1; field <= m.fieldCount(index); field++) {
      if (!m.get(index, new FieldPath(m.nameOf(index), field, 0, 0, 0)).isEmpty()) {
        filled.add(field);
      }
    }
    if (filled.isEmpty()) {
      appendToAField(d, m, tail);
      return;
    }
    FieldPath path = new FieldPath(m.nameOf(index), d.one(filled), 0, 0, 0);
    String whole = wholeField(m, index, path.field());
    m.set(index, path, whole + tail);
    d.note(path + " ends with " + tail);
  }

  /** A field with all its repetitions, in standard notation for {@link Er7Message#set}. */
  static String wholeField(Er7Message m, int index, int field) {
    List<String> parts = Er7Message.split(m.segment(index), m.fieldSeparator());
    int position = m.nameOf(index).equals("MSH") ? field - 1 : field;
    return position < parts.size() ? parts.get(position) : "";
  }

  /** Indexes of OBX segments whose OBX-2 is NM. */
  static List<Integer> numericResults(Er7Message m) {
    return m.indexesOf("OBX").stream().filter(i -> m.get(i, "OBX-2").equals("NM")).toList();
  }
}
