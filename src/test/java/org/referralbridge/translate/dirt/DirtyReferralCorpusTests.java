package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.referralbridge.translate.dirt.CorpusPipeline.Outcome;
import org.referralbridge.translate.dirt.CorpusPipeline.Verdict;

/**
 * Thousands of dirty referrals ({@link DirtyReferrals}) through intake, parse, translation and validation
 * ({@link CorpusPipeline}): a referral that still carries its essentials must land, one that does not must be
 * NAKed. The table of outcomes per kind goes to stdout and {@code target/dirty-corpus.md}.
 *
 * <pre>
 * ./mvnw -o -Dtest=DirtyReferralCorpusTests -Ddirt.seed=7 -Ddirt.count=20000 test
 * </pre>
 */
class DirtyReferralCorpusTests {

  private static final long SEED = Long.getLong("dirt.seed", 20261121L);
  private static final int COUNT = Integer.getInteger("dirt.count", 5_000);
  private static final Path REPORT = Path.of("target", "dirty-corpus.md");
  private static final int EXAMPLES_IN_FAILURE = 25;

  private static CorpusPipeline pipeline;

  @BeforeAll
  static void buildPipeline() {
    pipeline = new CorpusPipeline();
  }

  @Test
  void theCleanBaseReferralsLandAsTheyAre() {
    for (Er7Message base : new DirtyReferrals(SEED).bases()) {
      Outcome outcome = pipeline.run(new Variant("base[" + base.name() + "]", Dirt.VERSIONS, base.render(), true));
      assertThat(outcome.verdict()).as(base.name() + ": " + outcome.detail()).isEqualTo(Verdict.LANDED);
    }
  }

  @Test
  void everyDirtyReferralWithItsEssentialsLandsAndEveryOtherIsNaked() throws IOException {
    List<Variant> variants = new DirtyReferrals(SEED).generate(COUNT);
    long start = System.nanoTime();
    List<Outcome> outcomes = variants.parallelStream().map(pipeline::run).toList();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    String report = new CorpusReport(SEED, variants, outcomes).markdown(elapsedMillis);
    System.out.println(report);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);

    List<String> unexpected = IntStream.range(0, variants.size())
        .filter(i -> !CorpusReport.expected(variants.get(i), outcomes.get(i)))
        .mapToObj(i -> variants.get(i).id() + " -> " + outcomes.get(i).verdict() + " " + outcomes.get(i).detail())
        .toList();
    if (!unexpected.isEmpty()) {
      fail(unexpected.size() + " of " + variants.size() + " dirty referrals (seed " + SEED + ") did not end as"
          + " expected; table in " + REPORT.toAbsolutePath() + ". First ones:\n  "
          + String.join("\n  ", unexpected.subList(0, Math.min(EXAMPLES_IN_FAILURE, unexpected.size()))));
    }
  }
}
