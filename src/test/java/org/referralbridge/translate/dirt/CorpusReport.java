package org.referralbridge.translate.dirt;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.referralbridge.translate.dirt.CorpusPipeline.Outcome;
import org.referralbridge.translate.dirt.CorpusPipeline.Verdict;

/** The corpus run as a Markdown table: per kind, how many variants and what happened to them. */
final class CorpusReport {

  private static final int PROBLEMS_PER_KIND = 3;

  private final long seed;
  private final List<Variant> variants;
  private final List<Outcome> outcomes;

  CorpusReport(long seed, List<Variant> variants, List<Outcome> outcomes) {
    this.seed = seed;
    this.variants = variants;
    this.outcomes = outcomes;
  }

  String markdown(long elapsedMillis) {
    StringBuilder out = new StringBuilder();
    out.append("# Dirty referral corpus\n\n")
        .append("Seed ").append(seed).append(", ").append(variants.size()).append(" variants, ")
        .append(elapsedMillis / 1000).append(" s. Expected: LANDED for every kind but essentials-missing, which"
            + " expects NAK_AE or NAK_AR.\n\n")
        .append("| kind | variants | LANDED | of which with data-quality notes | NAK_AR | NAK_AE | NEEDS_ATTENTION"
            + " | ERROR | most common problem |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Dirt kind : Dirt.values()) {
      Map<Verdict, Long> counts = counts(kind);
      List<Map.Entry<String, Long>> problems = problems(kind);
      out.append("| ").append(kind.kebab()).append(" | ").append(indexesOf(kind).size());
      for (Verdict verdict : Verdict.values()) {
        out.append(" | ").append(counts.getOrDefault(verdict, 0L));
        if (verdict == Verdict.LANDED) {
          out.append(" | ").append(indexesOf(kind).stream().map(outcomes::get)
              .filter(o -> o.verdict() == Verdict.LANDED && !o.detail().isEmpty()).count());
        }
      }
      out.append(" | ").append(problems.isEmpty() ? "" : cell(problems.get(0))).append(" |\n");
    }
    out.append("\n## Problems per kind (normalised first problem, count, an example variant)\n");
    for (Dirt kind : Dirt.values()) {
      out.append("\n### ").append(kind.kebab()).append("\n\n").append(kind.description()).append("\n\n");
      List<Map.Entry<String, Long>> problems = problems(kind);
      if (problems.isEmpty()) {
        out.append("- none\n");
      }
      for (Map.Entry<String, Long> problem : problems.subList(0, Math.min(PROBLEMS_PER_KIND, problems.size()))) {
        out.append("- ").append(problem.getValue()).append(" × `").append(problem.getKey()).append("`\n  e.g. `")
            .append(example(kind, problem.getKey()).replace("`", "'")).append("`\n");
      }
    }
    return out.toString();
  }

  /** A first problem without the values and ids that make every occurrence different. */
  static String normalise(String detail) {
    return detail
        .replaceAll("urn:uuid:[0-9a-f-]+", "urn:uuid:…")
        .replaceAll("/\\*.*?\\*/", "/*…*/")
        .replaceAll("\\[\\d+]", "[n]")
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("\"[^\"]*\"", "\"…\"")
        .replaceAll("Line\\[\\d+] Col\\[\\d+]", "Line/Col")
        .replaceAll("length \\d+", "length n")
        .replaceAll("\\s+", " ")
        .trim();
  }

  private List<Integer> indexesOf(Dirt kind) {
    return java.util.stream.IntStream.range(0, variants.size()).filter(i -> variants.get(i).kind() == kind)
        .boxed().toList();
  }

  private Map<Verdict, Long> counts(Dirt kind) {
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    indexesOf(kind).forEach(i -> counts.merge(outcomes.get(i).verdict(), 1L, Long::sum));
    return counts;
  }

  /** Problems that were not the expected outcome, most frequent first. */
  private List<Map.Entry<String, Long>> problems(Dirt kind) {
    Map<String, Long> counts = indexesOf(kind).stream()
        .filter(i -> !expected(variants.get(i), outcomes.get(i)))
        .map(i -> problem(outcomes.get(i)))
        .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .toList();
  }

  private String example(Dirt kind, String problem) {
    return indexesOf(kind).stream()
        .filter(i -> !expected(variants.get(i), outcomes.get(i)) && problem(outcomes.get(i)).equals(problem))
        .findFirst().map(i -> variants.get(i).id()).orElse("");
  }

  static boolean expected(Variant variant, Outcome outcome) {
    return variant.hasEssentials() ? outcome.verdict() == Verdict.LANDED
        : outcome.verdict() == Verdict.NAK_AE || outcome.verdict() == Verdict.NAK_AR;
  }

  private static String problem(Outcome outcome) {
    return outcome.verdict() + " " + normalise(outcome.detail());
  }

  private static String cell(Map.Entry<String, Long> problem) {
    String text = problem.getKey().replace("|", "\\|");
    return (text.length() > 140 ? text.substring(0, 140) + "…" : text) + " (" + problem.getValue() + ")";
  }
}
