package org.referralbridge.triage;

import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Coding;

/** Codes of a diagnosis and the severity they give; in a list of criteria the first that matches wins. */
record DiagnosisCriterion(Severity severity, Predicate<Coding> matcher) {

  /** ICD-10-CM or WHO ICD-10 codes matching {@code patterns} (see {@link IcdCodes}). */
  static DiagnosisCriterion icd10(Severity severity, String... patterns) {
    IcdCodes codes = IcdCodes.of(patterns);
    return new DiagnosisCriterion(severity,
        coding -> ScreeningCodes.isIcd10(coding) && codes.matches(coding.getCode()));
  }

  /** SNOMED CT codes, exactly (no subsumption: there is no terminology server here). */
  static DiagnosisCriterion snomed(Severity severity, String... codes) {
    Set<String> set = Set.of(codes);
    return new DiagnosisCriterion(severity,
        coding -> ScreeningCodes.SNOMED.equals(coding.getSystem()) && FhirValues.in(set, trim(coding.getCode())));
  }

  boolean matches(Coding coding) {
    return coding.hasCode() && matcher.test(coding);
  }

  private static String trim(String code) {
    return code == null ? null : code.trim();
  }
}
