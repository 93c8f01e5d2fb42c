package org.referralbridge.translate.dirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The valid referrals dirt is applied to: the REF messages among the golden cases ({@code src/test/resources/hl7}),
 * and {@code src/test/resources/dirt-bases}, which holds a referral with every segment a coded field can be in.
 */
final class BaseReferrals {

  static final Path GOLDEN_CASES = Path.of("src", "test", "resources", "hl7");
  static final Path EXTRA_BASES = Path.of("src", "test", "resources", "dirt-bases");

  private final List<Er7Message> bases;

  private BaseReferrals(List<Er7Message> bases) {
    if (bases.isEmpty()) {
      throw new IllegalStateException("no base referrals");
    }
    this.bases = List.copyOf(bases);
  }

  static BaseReferrals load() {
    List<Er7Message> bases = new ArrayList<>();
    bases.addAll(readReferrals(GOLDEN_CASES));
    bases.addAll(readReferrals(EXTRA_BASES));
    return new BaseReferrals(bases);
  }

  List<Er7Message> all() {
    return bases.stream().map(Er7Message::copy).toList();
  }

  /** A copy of a random base. */
  Er7Message any(Random random) {
    return bases.get(random.nextInt(bases.size())).copy();
  }

  /** A copy of a random base that has the segment. */
  Er7Message with(Random random, String segmentName) {
    return where(random, m -> m.has(segmentName));
  }

  /** A copy of a random base that matches. */
  Er7Message where(Random random, Predicate<Er7Message> condition) {
    List<Er7Message> matching = bases.stream().filter(condition).toList();
    if (matching.isEmpty()) {
      throw new IllegalStateException("no base referral matches");
    }
    return matching.get(random.nextInt(matching.size())).copy();
  }

  private static List<Er7Message> readReferrals(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".hl7")).sorted()
          .map(BaseReferrals::read)
          .filter(m -> m.get(0, "MSH-9.1").equals("REF"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Er7Message read(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.hl7$", "");
    try {
      return Er7Message.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
