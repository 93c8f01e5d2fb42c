package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.referralbridge.vocabulary.Loinc;

/**
 * Pregnancy (a diagnosis, the latest pregnancy status, or the latest hCG test being positive) is a contraindication;
 * breastfeeding a caution. A resolved pregnancy diagnosis is ignored: it is a state that has ended.
 */
final class PregnancyRule implements ScreeningRule {

  @Override
  public FlagKind kind() {
    return FlagKind.PREGNANCY;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    List<Finding> findings = new ArrayList<>();
    Readings.latest(facts.observations(), Set.of(Loinc.PREGNANCY_STATUS.code()), r -> r.value() != null)
        .filter(r -> r.value() instanceof CodeableConcept status
            && FhirValues.hasCode(status, ScreeningCodes.SNOMED, ScreeningCodes.SCT_PREGNANT))
        .ifPresent(r -> findings.add(Finding.of(Severity.CONTRAINDICATION, r.reference(),
            "Pregnancy status: pregnant" + r.onDate())));
    Readings.latest(facts.observations(), ScreeningCodes.HCG_TESTS.keySet())
        .filter(PregnancyRule::isPositive)
        .ifPresent(r -> findings.add(Finding.of(Severity.CONTRAINDICATION, r.reference(),
            ScreeningCodes.HCG_TESTS.get(r.code()) + " positive" + r.onDate())));
    findings.addAll(Diagnoses.findings(facts.conditions(), ScreeningCodes.PREGNANCY, Diagnoses.Past.IGNORED));
    return findings;
  }

  /** A positive interpretation (POS), a positive coded value (SNOMED 10828004), "positive" as text, or true. */
  static boolean isPositive(Reading reading) {
    for (CodeableConcept interpretation : reading.interpretation()) {
      if (FhirValues.hasAnyCode(interpretation, ScreeningCodes.INTERPRETATION_POSITIVE)
          || isPositiveWord(interpretation)) {
        return true;
      }
    }
    if (reading.value() instanceof CodeableConcept value) {
      return FhirValues.hasCode(value, ScreeningCodes.SNOMED, ScreeningCodes.SCT_POSITIVE) || isPositiveWord(value);
    }
    if (reading.value() instanceof StringType text) {
      return FhirValues.in(ScreeningCodes.WORDS_POSITIVE, FhirValues.lower(text.getValue()));
    }
    return reading.value() instanceof BooleanType flag && Boolean.TRUE.equals(flag.getValue());
  }

  private static boolean isPositiveWord(CodeableConcept concept) {
    return FhirValues.texts(concept).map(FhirValues::lower)
        .anyMatch(word -> FhirValues.in(ScreeningCodes.WORDS_POSITIVE, word));
  }
}
