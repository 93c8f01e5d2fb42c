package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled sample referrals in samples/, and variants of them for tests. */
public final class Hl7Samples {

  public static final String TRD_PHQ9 = "trd-phq9-v251.hl7";
  public static final String PTSD_PCL5 = "ptsd-pcl5-v28.hl7";
  public static final String REF_I11_V23 = "ref-i11-v23.hl7";
  public static final String INSURANCE_AUTH = "insurance-auth-v251.hl7";
  public static final String REF_I12_V29 = "ref-i12-v29.hl7";

  private Hl7Samples() {}

  public static String read(String name) {
    try {
      return Files.readString(Path.of("samples", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message with MSH-10 replaced (a new message of the same referral). */
  public static String withControlId(String message, String controlId) {
    return replaceField(message, "MSH", 10, controlId);
  }

  /** The message with field {@code n} of the first {@code segment} replaced (MSH-n counts MSH-1 as the separator). */
  public static String replaceField(String message, String segment, int n, String value) {
    String[] segments = message.split("\r");
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(segment + "|")) {
        String[] fields = segments[i].split("\\|", -1);
        int index = segment.equals("MSH") ? n - 1 : n;
        String[] grown = fields.length > index ? fields : java.util.Arrays.copyOf(fields, index + 1);
        for (int j = 0; j < grown.length; j++) {
          if (grown[j] == null) {
            grown[j] = "";
          }
        }
        grown[index] = value;
        segments[i] = String.join("|", grown);
        return String.join("\r", segments) + "\r";
      }
    }
    throw new IllegalArgumentException("no " + segment + " segment");
  }

  /** A unique variant of a sample: its own control id, referral id (RF1-6) and patient id (PID-3). */
  public static String unique(String sample, String suffix) {
    String message = read(sample);
    message = withControlId(message, "CTL-" + suffix);
    message = replaceField(message, "RF1", 6, "REF-" + suffix);
    return replaceField(message, "PID", 3, "MRN-" + suffix + "^^^NORTHSIDE_PSYCH^MR");
  }
}
