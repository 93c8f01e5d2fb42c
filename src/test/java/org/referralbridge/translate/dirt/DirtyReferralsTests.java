package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DirtyReferralsTests {

  private static final int COUNT = 40 * Dirt.values().length;

  @Test
  void theSameSeedGivesTheSameVariants() {
    assertThat(new DirtyReferrals(42).generate(COUNT)).isEqualTo(new DirtyReferrals(42).generate(COUNT));
  }

  @Test
  void anotherSeedGivesOtherVariants() {
    List<String> one = messages(new DirtyReferrals(1).generate(COUNT));
    List<String> other = messages(new DirtyReferrals(2).generate(COUNT));
    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void aVariantIsTheSameWhateverTheCount() {
    DirtyReferrals referrals = new DirtyReferrals(42);
    assertThat(referrals.generate(COUNT).get(77)).isEqualTo(referrals.generate(100).get(77));
  }

  @Test
  void everyKindGetsTheSameShare() {
    Map<Dirt, Long> perKind = new DirtyReferrals(42).generate(COUNT).stream()
        .collect(Collectors.groupingBy(Variant::kind, Collectors.counting()));
    assertThat(perKind).containsOnlyKeys(Dirt.values()).allSatisfy((kind, count) -> assertThat(count).isEqualTo(40));
  }

  @Test
  void everyVariantIsAnHl7MessageStartingWithMsh() {
    for (Variant variant : new DirtyReferrals(42).generate(COUNT)) {
      String text = variant.kind() == Dirt.BYTE_ORDER_MARK ? variant.message().replace("\uFEFF", "")
          : variant.message();
      assertThat(text).as(variant.id()).startsWith("MSH|^~\\&");
      assertThat(variant.message().indexOf('\n') < 0).as(variant.id())
          .isEqualTo(variant.kind() != Dirt.LINE_ENDINGS);
    }
  }

  @Test
  void onlyTheEssentialsKindTakesAwayPidPid3Rf1Rf16OrPrd() {
    for (Variant variant : new DirtyReferrals(42).generate(COUNT)) {
      Er7Message m = Er7Message.parse(variant.id(), variant.message().replace("\uFEFF", ""));
      boolean essentials = m.has("PID") && !m.get(m.indexesOf("PID").get(0), "PID-3.1").isEmpty()
          && m.has("RF1") && !m.get(m.indexesOf("RF1").get(0), "RF1-6.1").isEmpty() && m.has("PRD");
      assertThat(essentials).as(variant.id()).isEqualTo(variant.hasEssentials())
          .isEqualTo(variant.kind() != Dirt.ESSENTIALS_MISSING);
    }
  }

  @Test
  void theVersionsKindCoversEveryVersion() {
    List<String> versions = new DirtyReferrals(42).generate(COUNT).stream()
        .filter(v -> v.kind() == Dirt.VERSIONS)
        .map(v -> Er7Message.parse(v.id(), v.message()).get(0, "MSH-12"))
        .distinct().toList();
    assertThat(versions).containsExactlyInAnyOrderElementsOf(EnvelopeDirt.VERSIONS);
  }

  @Test
  void everyKindHasADescription() {
    assertThat(Arrays.stream(Dirt.values()).collect(Collectors.toMap(Function.identity(), Dirt::description)))
        .allSatisfy((kind, description) -> assertThat(description).isNotBlank());
  }

  private static List<String> messages(List<Variant> variants) {
    return variants.stream().map(Variant::message).toList();
  }
}
