package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the three outbound messages: fixed inputs ({@link OutboundFixtures}: fixed times, control ids
 * and PDF) must give byte-identical output to {@code src/test/resources/outbound/<name>.hl7} (segments separated by
 * CR, nothing ignored).
 *
 * <p>After a deliberate change, regenerate the files and review every change in them before committing:
 *
 * <pre>
 * ./mvnw test -Dtest=OutboundGoldenTests -Dgolden.update=true
 * </pre>
 *
 * (or {@code mvn} where the wrapper is absent). In update mode the files are written, not compared.
 */
class OutboundGoldenTests {

  private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
      "outbound");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("rri-i12-accepted", (Supplier<String>) () -> ReferralStatusMessages.rri(
            OutboundFixtures.accepted())),
        Arguments.of("mdm-t02-infusion-summary", (Supplier<String>) () -> SummaryMessages.mdmT02(
            OutboundFixtures.summary())),
        Arguments.of("oru-r01-infusion-summary", (Supplier<String>) () -> SummaryMessages.oruR01(
            OutboundFixtures.summary())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void fixedInputsGiveTheGoldenFileByteForByte(String name, Supplier<String> build) throws Exception {
    byte[] actual = build.get().getBytes(StandardCharsets.UTF_8);
    Path file = GOLDEN.resolve(name + ".hl7");
    if (UPDATE) {
      Files.write(file, actual);
      return;
    }
    if (!Files.exists(file)) {
      fail("no " + file.getFileName() + ": generate it with -Dgolden.update=true and review it");
    }
    byte[] expected = Files.readAllBytes(file);
    if (!java.util.Arrays.equals(expected, actual)) {
      fail(name + " differs from " + file.getFileName() + " (regenerate with -Dgolden.update=true only if the"
          + " change is intended):\n" + segmentDiff(new String(expected, StandardCharsets.UTF_8),
          new String(actual, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void buildingTheSameNoticeTwiceGivesTheSameBytes() {
    assertThat(SummaryMessages.oruR01(OutboundFixtures.summary()))
        .isEqualTo(SummaryMessages.oruR01(OutboundFixtures.summary()));
    assertThat(ReferralStatusMessages.rri(OutboundFixtures.accepted()))
        .isEqualTo(ReferralStatusMessages.rri(OutboundFixtures.accepted()));
  }

  /** One line per differing segment, CRs shown as line breaks. */
  private static String segmentDiff(String expected, String actual) {
    String[] e = expected.split("\r", -1);
    String[] a = actual.split("\r", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String left = i < e.length ? e[i] : "<none>";
      String right = i < a.length ? a[i] : "<none>";
      if (!left.equals(right)) {
        out.add("segment " + (i + 1) + ":\n  expected " + abbreviate(left) + "\n  actual   " + abbreviate(right));
      }
    }
    return String.join("\n", out);
  }

  private static String abbreviate(String segment) {
    return segment.length() > 300 ? segment.substring(0, 300) + "..." : segment;
  }
}
