package org.referralbridge.translate;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a sender repeated where the standard has one: a field sent twice (PID-8 "F~M") or a second RF1 or PID. The
 * translation reads the first; the others stay in the message as received, and each is a data-quality note so
 * that a conflicting second value is not lost without a trace.
 */
final class Repeats {

  /** Segments a referral has once; a second one is not read. */
  private static final String[] ONCE = {"RF1", "PID", "PV1"};

  private Repeats() {}

  /** Notes each field of {@code segment} that holds more repetitions than the standard allows. */
  static void noteRepeatedFields(Segment segment, Translation t) {
    if (segment == null) {
      return;
    }
    try {
      for (int field = 1; field <= segment.numFields(); field++) {
        int max = segment.getMaxCardinality(field);
        int sent = segment.getField(field).length;
        if (max > 0 && sent > max) {
          t.quality.note(null, segment.getName() + "-" + field, "sent " + sent + " times where the standard has it"
              + " once: the first is read, the others are kept only in the message as received");
        }
      }
    } catch (HL7Exception e) {
      // a field that cannot be read is not a repeat to report
    }
  }

  /** Notes a second RF1, PID or PV1 in the message as received. */
  static void noteRepeatedSegments(String raw, Translation t) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String segment : raw.split("[\r\n]+")) {
      String name = segment.strip().length() >= 3 ? segment.strip().substring(0, 3) : "";
      counts.merge(name, 1, Integer::sum);
    }
    for (String name : ONCE) {
      int count = counts.getOrDefault(name, 0);
      if (count > 1) {
        t.quality.note(null, name, count + " " + name + " segments where a referral has one: the first is read,"
            + " the others are kept only in the message as received");
      }
    }
  }
}
