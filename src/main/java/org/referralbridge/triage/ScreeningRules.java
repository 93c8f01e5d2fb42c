package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The contraindication screen of a referral to the ketamine clinic (docs/domain.md). It gives staff flags with the
 * data behind each; it never accepts or declines. Codes and thresholds are in {@link ScreeningCodes}.
 */
public final class ScreeningRules {

  private static final List<ScreeningRule> RULES = List.of(
      new HypertensionRule(),
      new DiagnosisRule(FlagKind.CARDIOVASCULAR_DISEASE, ScreeningCodes.CARDIOVASCULAR),
      new DiagnosisRule(FlagKind.PSYCHOSIS_OR_MANIA, ScreeningCodes.PSYCHOSIS_OR_MANIA),
      new PregnancyRule(),
      new DiagnosisRule(FlagKind.SUBSTANCE_USE_DISORDER, ScreeningCodes.SUBSTANCE_USE),
      new BenzodiazepineRule(),
      new SuicidalityRule(),
      new KetamineAllergyRule());

  private ScreeningRules() {}

  /**
   * The flags {@code facts} raise: at most one per {@link FlagKind}, contraindications first, then in the order of
   * {@link FlagKind}; empty when nothing is found. A pure function of its argument.
   */
  public static List<ScreeningFlag> evaluate(ReferralFacts facts) {
    Objects.requireNonNull(facts, "facts");
    List<ScreeningFlag> flags = new ArrayList<>();
    for (ScreeningRule rule : RULES) {
      List<Finding> findings = rule.findings(facts);
      if (!findings.isEmpty()) {
        flags.add(ScreeningFlag.of(rule.kind(), findings));
      }
    }
    flags.sort(Comparator.comparing(ScreeningFlag::severity).thenComparing(ScreeningFlag::kind));
    return List.copyOf(flags);
  }
}
