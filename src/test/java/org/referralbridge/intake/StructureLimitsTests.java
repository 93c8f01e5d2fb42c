package org.referralbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.referralbridge.intake.IntakeRejection.AckCode;
import org.referralbridge.support.Hl7Samples;

class StructureLimitsTests {

  private static final StructureLimits SMALL = new StructureLimits(20, 10, 200);
  private static final String HEADER = "MSH|^~\\&|A|B|C|D|20261201||REF^I12|1|P|2.5.1\r";

  @Test
  void everyMessageOfTheTestSuitesIsWithinTheDefaults() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/hl7"))) {
      samples = files.filter(file -> file.toString().endsWith(".hl7")).toList();
    }
    assertThat(samples).hasSizeGreaterThan(50);
    for (Path sample : samples) {
      String text = Files.readString(sample, StandardCharsets.ISO_8859_1).replace("\n", "\r");
      assertThatCode(() -> StructureLimits.DEFAULTS.check(text)).as(sample.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void countsRepetitionsOfAllFieldsTogetherAndNamesTheFieldThatPassedTheLimit() {
    SMALL.check(HEADER + "PID|1||MRN||" + "A^B~".repeat(10) + "C^D");
    assertRefused(() -> SMALL.check(HEADER + "PID|1||MRN||" + "A^B~".repeat(11)), "PID-5",
        "more than 10 field repetitions");
    String spread = HEADER + "PID|1||MRN||" + "A~".repeat(6) + "A||||||" + "B~".repeat(6) + "B";
    assertRefused(() -> SMALL.check(spread), "PID-11", "more than 10 field repetitions");
  }

  @Test
  void countsSegmentsOnceWhateverTheLineEnding() {
    String twentySegments = HEADER + "ZZZ|1\r\n".repeat(19);
    SMALL.check(twentySegments);
    assertRefused(() -> SMALL.check(twentySegments + "ZZZ|2\r"), null, "more than 20 segments");
  }

  @Test
  void countsComponentsAndSubcomponents() {
    SMALL.check(HEADER + "NTE|1||" + "a^b&".repeat(99));
    assertRefused(() -> SMALL.check(HEADER + "NTE|1||" + "a^b&".repeat(101)), "NTE-3", "more than 200 components");
  }

  @Test
  void usesTheMessagesOwnDelimitersAndSkipsItsEncodingCharacters() {
    String custom = "MSH|*$#@|A|B|C|D|20261201||REF*I12|1|P|2.5.1\rPID|1||" + "X~".repeat(50) + "$".repeat(11);
    assertRefused(() -> SMALL.check(custom), "PID-3", "more than 10 field repetitions");
    SMALL.check(HEADER + "PID|1||" + "$".repeat(50));
  }

  @Test
  void namesNoLocationThatWouldQuoteHostileText() {
    String hostile = HEADER + "<s>|" + "~".repeat(11);
    assertRefused(() -> SMALL.check(hostile), null, "more than 10 field repetitions");
  }

  private static void assertRefused(Runnable check, String location, String text) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(IntakeRejection.class, rejection -> {
      assertThat(rejection.ackCode()).isEqualTo(AckCode.AR);
      assertThat(rejection.errorCode()).isEqualTo(207);
      assertThat(rejection.location()).isEqualTo(location);
      assertThat(rejection.getMessage()).startsWith(text);
    });
  }
}
