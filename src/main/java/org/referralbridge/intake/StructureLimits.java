package org.referralbridge.intake;

import jakarta.validation.constraints.Min;
import org.referralbridge.hl7.Er7Text;
import org.referralbridge.intake.IntakeRejection.AckCode;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much structure a message may have before HAPI parses it. A parsed message costs far more memory than its
 * text, and the cost depends on its shape, not its length: measured with HAPI v2.8 structures, a field repetition of
 * a person's name costs about 3.6 KB, a segment about 1.1 KB and a component about 150 bytes. A 90 KB message that
 * repeats PID-5 22,000 times parses into about 80 MB, so a few of them on eight connections at once exhausted the
 * heap (the fault suite's scenario 6). Real referrals, results and documents stay far below these limits (a
 * referral has about 30 segments, a long report a few hundred); a message above one is refused with AR 207 and
 * kept, like one over the size limit. The scan is one pass over the text and allocates nothing.
 *
 * @param maxSegments segments in one message
 * @param maxRepetitions field repetitions in one message, all fields together
 * @param maxComponents components and subcomponents in one message, all fields together
 */
public record StructureLimits(@Min(10) @DefaultValue(SEGMENTS) int maxSegments,
    @Min(10) @DefaultValue(REPETITIONS) int maxRepetitions, @Min(100) @DefaultValue(COMPONENTS) int maxComponents) {

  private static final String SEGMENTS = "2000";
  private static final String REPETITIONS = "1000";
  private static final String COMPONENTS = "50000";

  /** The limits when configuration names none. */
  public static final StructureLimits DEFAULTS = new StructureLimits(Integer.parseInt(SEGMENTS),
      Integer.parseInt(REPETITIONS), Integer.parseInt(COMPONENTS));

  /**
   * Refuses a message (its MSH already read) with more structure than the limits allow; the location names the
   * segment and field where a limit was passed when it can be told.
   */
  void check(String raw) {
    String text = Er7Text.withoutByteOrderMark(raw).stripLeading();
    char field = text.charAt(3);
    int encodingEnd = text.indexOf(field, 4);
    encodingEnd = encodingEnd < 0 ? text.length() : encodingEnd;
    String encoding = text.substring(4, encodingEnd);
    char component = encodingCharacter(encoding, 0, '^');
    char repetition = encodingCharacter(encoding, 1, '~');
    char subcomponent = encodingCharacter(encoding, 3, '&');
    int segments = 1;
    int repetitions = 0;
    int components = 0;
    int segmentStart = 0;
    // the scan starts at the separator before MSH-3
    int fieldNumber = 2;
    for (int i = encodingEnd; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        segmentStart = i + 1;
        fieldNumber = 0;
      } else if (i == segmentStart && ++segments > maxSegments) {
        throw refused("more than " + maxSegments + " segments", null);
      } else if (c == field) {
        fieldNumber++;
      } else if (c == repetition && ++repetitions > maxRepetitions) {
        throw refused("more than " + maxRepetitions + " field repetitions",
            location(text, segmentStart, fieldNumber));
      } else if ((c == component || c == subcomponent) && ++components > maxComponents) {
        throw refused("more than " + maxComponents + " components",
            location(text, segmentStart, fieldNumber));
      }
    }
  }

  private static char encodingCharacter(String encoding, int index, char standard) {
    return index < encoding.length() ? encoding.charAt(index) : standard;
  }

  /** "PID-5", or null when the segment's name is not three letters and digits (it would be quoted in the NAK). */
  private static String location(String text, int segmentStart, int fieldNumber) {
    if (segmentStart + 3 > text.length()) {
      return null;
    }
    String name = text.substring(segmentStart, segmentStart + 3);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return null;
      }
    }
    return name + "-" + fieldNumber;
  }

  private static IntakeRejection refused(String what, String location) {
    return new IntakeRejection(AckCode.AR, 207, location, what + " (the intake's limit; the message was not parsed)");
  }
}
