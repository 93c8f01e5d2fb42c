package org.referralbridge.triage;

import java.util.List;

/** A flag that only diagnoses raise (arrhythmia and cerebrovascular disease, psychosis, substance use). */
final class DiagnosisRule implements ScreeningRule {

  private final FlagKind kind;
  private final List<DiagnosisCriterion> criteria;

  DiagnosisRule(FlagKind kind, List<DiagnosisCriterion> criteria) {
    this.kind = kind;
    this.criteria = criteria;
  }

  @Override
  public FlagKind kind() {
    return kind;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    return Diagnoses.findings(facts.conditions(), criteria, Diagnoses.Past.CAUTION);
  }
}
