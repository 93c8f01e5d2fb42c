package org.referralbridge.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.referralbridge.support.Hl7Samples;

/**
 * Generated hostile input for the intake: malformed messages (each must get AR or AE and be kept), broken frames
 * (must never get AA), and valid referrals whose fields carry injection text, escapes and unusual characters (must
 * be stored once, as data). Deterministic: the same seed gives the same messages.
 */
final class HostileMessages {

  /** What an item is, for the audit. */
  enum Kind {
    /** Malformed or refused: AR/AE and kept with the rejected messages. */
    MALFORMED,
    /** A broken MLLP frame: no message to acknowledge; anything but AA. */
    BROKEN_FRAME,
    /** A valid referral with hostile field content: AA and stored once. */
    HOSTILE_CONTENT
  }

  record Generated(ReferralStream.Item item, Kind kind, String name) {}

  private static final String[] INJECTIONS = {
    "Robert'); DROP TABLE bridge_inbound_message;--",
    "' OR '1'='1",
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "${jndi:ldap://127.0.0.1:1/a}",
    "#{T(java.lang.Runtime).getRuntime().exec('id')}",
    "../../../../etc/passwd",
    "{{7*7}} [[${7*7}]]",
  };

  private final Random random;
  private final String template;
  private final List<BiFunction<Integer, String, Generated>> malformed = new ArrayList<>();

  HostileMessages(long seed) {
    this.random = new Random(seed);
    this.template = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    malformed.add((i, m) -> nak(i, "wrong version", field(m, "MSH", 12, pick("2.2", "3.0", "abc", "", "2.5.1.1"))));
    malformed.add((i, m) -> nak(i, "wrong message type", field(m, "MSH", 9, pick("ADT^A01", "ORM^O01", "REF^Z99", "^^", "QRY"))));
    malformed.add((i, m) -> nak(i, "no RF1", drop(m, "RF1")));
    malformed.add((i, m) -> nak(i, "no PID-3", field(m, "PID", 3, "")));
    malformed.add((i, m) -> nak(i, "no control id", field(m, "MSH", 10, "")));
    malformed.add((i, m) -> nak(i, "truncated in MSH", m.substring(0, 10 + random.nextInt(60))));
    malformed.add((i, m) -> nak(i, "mixed delimiters", m.replaceFirst("\r(PID)\\|", "\r$1#").replace("RF1|", "RF1^")));
    malformed.add((i, m) -> nak(i, "not HL7", pick("{\"resourceType\":\"ServiceRequest\"}", "<xml><a/></xml>",
        "GET / HTTP/1.1\r\nHost: x\r\n", "HELLO", "MSH|")));
    malformed.add((i, m) -> nak(i, "binary garbage", new String(bytes(20 + random.nextInt(400)), StandardCharsets.ISO_8859_1)));
    malformed.add((i, m) -> nak(i, "injection in MSH-9", field(m, "MSH", 9, injection())));
    malformed.add((i, m) -> nak(i, "control characters in type", field(m, "MSH", 9, "REF\u0000^I12\u0007")));
    malformed.add((i, m) -> nak(i, "deep repetition, no RF1",
        drop(field(m, "PID", 5, "A^B~".repeat(2000 + random.nextInt(20000))), "RF1")));
    malformed.add((i, m) -> nak(i, "segment soup", "MSH|^~\\&|" + "X|".repeat(random.nextInt(50)) + "\r"
        + "ZZZ|1\r".repeat(1 + random.nextInt(500))));
  }

  /** {@code count} items: mostly malformed, some broken frames and huge messages, and valid hostile referrals. */
  List<Generated> generate(int count, int hostileContentReferrals, int hugeMessages, int brokenFrames) {
    List<Generated> items = new ArrayList<>();
    for (int i = 0; i < hostileContentReferrals; i++) {
      items.add(hostileContent(i));
    }
    for (int i = 0; i < hugeMessages; i++) {
      // over the configured maximum message size (1 MiB characters) but within the frame limit
      String huge = field(unique("huge-" + i), "NTE", 3, "A".repeat(1_200_000 + random.nextInt(400_000)));
      items.add(nak(i, "huge field", huge));
    }
    for (int i = 0; i < brokenFrames; i++) {
      items.add(brokenFrame(i));
    }
    int i = 0;
    while (items.size() < count) {
      String message = unique("bad-" + i);
      items.add(malformed.get(i % malformed.size()).apply(i, message));
      i++;
    }
    java.util.Collections.shuffle(items, random);
    return items;
  }

  private Generated hostileContent(int i) {
    String suffix = "hostile-" + i;
    String message = unique(suffix);
    String text = injection();
    message = field(message, "PID", 5, escape(text) + "^" + escape(injection()));
    message = field(message, "PID", 11, escape(injection()) + "^^Portland^OR^97201");
    if (i % 3 == 0) {
      message = field(message, "NTE", 3, "Zoë Ångström — naïve café 患者 \\F\\\\S\\\\T\\\\R\\\\E\\ " + escape(text));
    }
    return new Generated(ReferralStream.Item.referral(FaultScenario.referralId(suffix), message),
        Kind.HOSTILE_CONTENT, "injection text in fields");
  }

  private Generated brokenFrame(int i) {
    byte[] message = unique("frame-" + i).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (i % 5) {
      case 0 -> { // no start block: bytes outside any frame, then a lone end
        out.writeBytes(message);
        out.write(0x1c);
        out.write(0x0d);
      }
      case 1 -> { // a frame that never ends (the sender goes away)
        out.write(0x0b);
        out.writeBytes(message);
      }
      case 2 -> { // a frame far beyond the frame limit, never ended
        out.write(0x0b);
        out.writeBytes(bytes(5 * 1024 * 1024));
      }
      case 3 -> { // the three letters MSH alone: AR 100 (PipelinedFrameReader pads it so that Camel can answer)
        out.write(0x0b);
        out.writeBytes("MSH".getBytes(StandardCharsets.US_ASCII));
        out.write(0x1c);
        out.write(0x0d);
      }
      default -> { // invalid UTF-8 inside the header
        out.write(0x0b);
        out.writeBytes("MSH|^~\\&|".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe});
        out.writeBytes("|X\r".getBytes(StandardCharsets.US_ASCII));
        out.write(0x1c);
        out.write(0x0d);
      }
    }
    return new Generated(ReferralStream.Item.rawBytes("frame-" + i, out.toByteArray()), Kind.BROKEN_FRAME,
        "broken frame " + (i % 5));
  }

  private static Generated nak(int i, String name, String message) {
    return new Generated(ReferralStream.Item.hostile("bad-" + name + "-" + i, message), Kind.MALFORMED, name);
  }

  private String unique(String suffix) {
    String message = Hl7Samples.withControlId(template, "CTL-" + suffix);
    message = Hl7Samples.replaceField(message, "RF1", 6, "REF-" + suffix);
    return Hl7Samples.replaceField(message, "PID", 3, "MRN-" + suffix + "^^^NORTHSIDE_PSYCH^MR");
  }

  private static String field(String message, String segment, int n, String value) {
    return Hl7Samples.replaceField(message, segment, n, value);
  }

  private static String drop(String message, String segment) {
    return message.replaceAll("(^|\r)" + segment + "\\|[^\r]*", "");
  }

  private String injection() {
    return INJECTIONS[random.nextInt(INJECTIONS.length)];
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0x0b || bytes[i] == 0x1c) {
        bytes[i] = 'x';
      }
    }
    return bytes;
  }

  /** HL7 escaping of the delimiters, so that the text stays inside its field. */
  private static String escape(String text) {
    return text.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\").replace("&", "\\T\\")
        .replace("~", "\\R\\");
  }
}
