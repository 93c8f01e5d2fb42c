package org.referralbridge.translate.dirt;

import java.util.List;

/** Dirt in the message's segments: order, Z-segments, empty segments, and the essentials missing. */
final class StructureDirt {

  /** REF^I12's segment order (v2.8); NTE and CTD follow the segment they annotate. */
  private static final List<String> ORDER = List.of("MSH", "SFT", "UAC", "RF1", "AUT", "PRD", "PID", "NK1", "GT1",
      "IN1", "IN2", "IN3", "ACC", "DG1", "DRG", "AL1", "PR1", "OBR", "OBX", "PV1", "PV2");
  private static final List<String> Z_SEGMENTS = List.of("ZXT|1|Routing^Internal hint", "ZPI|1|Y|20261120|Prefers"
      + " morning calls", "ZRF|1|EXT-REF-77^OTHER_SYSTEM", "ZCT||Contact via portal", "ZXT|", "ZPI|||^^^");
  private static final List<String> EMPTY_SEGMENTS = List.of("NTE", "NTE|", "NK1|", "OBX|||", "DG1|", "AL1|",
      "PV1|", "IN1|", "CTD|", "OBR|");

  private StructureDirt() {}

  static String outOfOrder(Dirtying d) {
    switch (d.below(6)) {
      case 0 -> {
        Er7Message m = d.base();
        String note = m.has("NTE") ? m.remove(d.anyIndexOf(m, "NTE")) : "NTE|1||Referral note sent early.";
        m.insert(m.indexesOf("PID").get(0), note);
        d.note("NTE before PID");
        return m.render();
      }
      case 1 -> {
        Er7Message m = d.baseWith("DG1");
        String dg1 = m.remove(m.indexesOf("DG1").get(0));
        m.insert(m.indexesOf("PRD").get(0), dg1);
        d.note("DG1 before PRD");
        return m.render();
      }
      case 2 -> {
        Er7Message m = d.base();
        String pv1 = m.has("PV1") ? m.remove(m.indexesOf("PV1").get(0)) : "PV1|1|O";
        int from = m.indexesOf("RF1").get(0) + 1;
        int to = m.indexesOf("PID").get(0);
        m.insert(from + d.below(to - from + 1), pv1);
        d.note("PV1 between RF1 and PID");
        return m.render();
      }
      case 3 -> {
        Er7Message m = d.base();
        String pid = m.remove(m.indexesOf("PID").get(0));
        m.insert(1, pid);
        d.note("PID right after MSH");
        return m.render();
      }
      case 4 -> {
        Er7Message m = d.baseWhere(b -> b.has("OBR") && b.has("OBX"));
        String obr = m.remove(m.indexesOf("OBR").get(0));
        m.insert(m.indexesOf("OBX").get(0) + 1, obr);
        d.note("OBX before OBR");
        return m.render();
      }
      default -> {
        Er7Message m = d.base();
        int pid = m.indexesOf("PID").get(0);
        String pidSegment = m.remove(pid);
        m.insert(m.indexesOf("PRD").get(0), pidSegment);
        d.note("PID before PRD");
        return m.render();
      }
    }
  }

  static String zSegments(Dirtying d) {
    Er7Message m = d.base();
    int count = 1 + d.below(3);
    for (int i = 0; i < count; i++) {
      String z = d.one(Z_SEGMENTS);
      int at = 1 + d.below(m.size());
      m.insert(at, z);
      d.note(z.substring(0, 3) + " at " + (at + 1));
    }
    return m.render();
  }

  static String emptySegments(Dirtying d) {
    Er7Message m = d.base();
    String empty = d.one(EMPTY_SEGMENTS);
    int at = naturalPosition(m, empty.substring(0, 3));
    m.insert(at, empty);
    d.note("\"" + empty + "\" at " + (at + 1));
    return m.render();
  }

  static String essentialsMissing(Dirtying d) {
    Er7Message m = d.base();
    int pid = m.indexesOf("PID").get(0);
    int rf1 = m.indexesOf("RF1").get(0);
    switch (d.below(7)) {
      case 0 -> d.set(m, pid, "PID-3", "");
      case 1 -> d.set(m, pid, "PID-3.1", "");
      case 2 -> d.set(m, rf1, "RF1-6", "");
      case 3 -> d.set(m, rf1, "RF1-6", "^" + m.get(rf1, "RF1-6.2"));
      case 4 -> {
        for (int i = m.size() - 1; i > 0; i--) {
          if (m.nameOf(i).equals("PRD") || m.nameOf(i).equals("CTD") && isProviderContact(m, i)) {
            m.remove(i);
          }
        }
        d.note("no PRD (nor its CTDs)");
      }
      case 5 -> {
        m.remove(pid);
        d.note("no PID");
      }
      default -> {
        m.remove(rf1);
        d.note("no RF1");
      }
    }
    return m.render();
  }

  /** A CTD after a PRD (or after another such CTD), as opposed to the one after AUT. */
  private static boolean isProviderContact(Er7Message m, int index) {
    int i = index - 1;
    while (i > 0 && m.nameOf(i).equals("CTD")) {
      i--;
    }
    return m.nameOf(i).equals("PRD");
  }

  /** Where a segment of that name belongs: after the last segment not later in REF^I12's order. */
  static int naturalPosition(Er7Message m, String segmentName) {
    if (segmentName.equals("NTE")) {
      return m.size();
    }
    if (segmentName.equals("CTD")) {
      return m.indexesOf("PRD").get(0) + 1;
    }
    int rank = ORDER.indexOf(segmentName);
    int at = 1;
    for (int i = 1; i < m.size(); i++) {
      int other = ORDER.indexOf(m.nameOf(i));
      if (other >= 0 && other <= rank) {
        at = i + 1;
      } else if (other < 0 && at == i) {
        at = i + 1; // NTE, CTD, Z-segments stay with the segment before them
      }
    }
    return at;
  }
}
