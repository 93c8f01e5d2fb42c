package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One example message per kind of dirt in {@code src/test/resources/hl7/dirt/<kind>.hl7}, for golden tests of the
 * repairing translation. Written from a fixed seed with {@code -Ddirt.fixtures.update=true}; review them, and their
 * expected Bundles, after regenerating.
 */
class DirtFixturesTests {

  static final Path FIXTURES = BaseReferrals.GOLDEN_CASES.resolve("dirt");
  private static final long FIXTURE_SEED = 11L;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @BeforeAll
  static void writeFixturesOnRequest() throws IOException {
    if (!Boolean.getBoolean("dirt.fixtures.update")) {
      return;
    }
    Files.createDirectories(FIXTURES);
    DirtyReferrals referrals = new DirtyReferrals(FIXTURE_SEED);
    for (Dirt kind : Dirt.values()) {
      Files.writeString(file(kind), referrals.variant(kind, kind.ordinal()).message(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyKindHasAFixture() {
    for (Dirt kind : Dirt.values()) {
      assertThat(file(kind)).as(kind.kebab()).isNotEmptyFile();
    }
  }

  @Test
  void fixturesEndSegmentsWithCarriageReturnsUnlessTheyAreAboutLineEnds() throws IOException {
    for (Dirt kind : Dirt.values()) {
      String text = Files.readString(file(kind), StandardCharsets.UTF_8);
      assertThat(text.contains("\n")).as(kind.kebab()).isEqualTo(kind == Dirt.LINE_ENDINGS);
    }
  }

  @Test
  void theByteOrderMarkFixtureStartsWithTheBomBytesAndTheOthersWithMsh() throws IOException {
    for (Dirt kind : Dirt.values()) {
      byte[] bytes = Files.readAllBytes(file(kind));
      if (kind == Dirt.BYTE_ORDER_MARK) {
        assertThat(bytes).as(kind.kebab()).startsWith(BOM);
      } else {
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).as(kind.kebab()).isEqualTo("MSH|");
      }
    }
  }

  private static Path file(Dirt kind) {
    return FIXTURES.resolve(kind.kebab() + ".hl7");
  }
}
