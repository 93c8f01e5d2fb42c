package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * An allergy or intolerance to ketamine or esketamine (by RxNorm code or by name) that is not inactive, resolved,
 * refuted or entered in error: a contraindication (hypersensitivity is the one on the product label).
 */
final class KetamineAllergyRule implements ScreeningRule {

  @Override
  public FlagKind kind() {
    return FlagKind.KETAMINE_HYPERSENSITIVITY;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (AllergyIntolerance allergy : facts.allergies()) {
      if (applies(allergy) && isKetamine(allergy.getCode())) {
        findings.add(Finding.of(Severity.CONTRAINDICATION, FhirValues.reference(allergy), describe(allergy)));
      }
    }
    return findings;
  }

  private static boolean applies(AllergyIntolerance allergy) {
    return !FhirValues.in(ScreeningCodes.ALLERGY_PAST, code(allergy.getClinicalStatus()))
        && !FhirValues.in(ScreeningCodes.CONDITION_NOT_HELD, code(allergy.getVerificationStatus()));
  }

  private static boolean isKetamine(CodeableConcept code) {
    if (code == null) {
      return false;
    }
    boolean coded = code.getCoding().stream().anyMatch(c -> ScreeningCodes.RXNORM.equals(c.getSystem())
        && ScreeningCodes.RXNORM_KETAMINE.contains(FhirValues.trim(c.getCode())));
    return coded || FhirValues.texts(code).anyMatch(text -> ScreeningCodes.KETAMINE_NAMES.matcher(text).find());
  }

  /** "Allergy to ketamine recorded (criticality high)": the canonical name, not the sender's free text. */
  private static String describe(AllergyIntolerance allergy) {
    String type = allergy.getType() == AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE ? "Intolerance"
        : "Allergy";
    String criticality = allergy.hasCriticality()
        ? " (criticality " + allergy.getCriticality().toCode().toLowerCase(Locale.ROOT) + ")" : "";
    return type + " to ketamine recorded" + criticality;
  }

  private static String code(CodeableConcept concept) {
    return concept == null ? null : concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null)
        .map(FhirValues::lower).findFirst().orElse(null);
  }
}
