package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * Conditions matched against {@link DiagnosisCriterion}s. A refuted or entered-in-error Condition is ignored; an
 * inactive, resolved or in-remission one (or one with an abatement and no clinical status) is "past".
 */
final class Diagnoses {

  /** What a rule does with a past condition that matches. */
  enum Past {
    /** Flag it as a caution at most (a history the provider should know). */
    CAUTION,
    /** Ignore it (a state that has ended, such as a pregnancy). */
    IGNORED
  }

  private Diagnoses() {}

  /** A finding for every held Condition with a coding that matches {@code criteria}, in the Conditions' order. */
  static List<Finding> findings(List<Condition> conditions, List<DiagnosisCriterion> criteria, Past past) {
    List<Finding> findings = new ArrayList<>();
    for (Condition condition : conditions) {
      if (!isHeld(condition)) {
        continue;
      }
      boolean isPast = isPast(condition);
      if (isPast && past == Past.IGNORED) {
        continue;
      }
      Coding matched = null;
      Severity severity = null;
      for (Coding coding : condition.getCode().getCoding()) {
        Severity codingSeverity = severity(coding, criteria);
        if (codingSeverity != null && (severity == null || codingSeverity.compareTo(severity) < 0)) {
          matched = coding;
          severity = codingSeverity;
        }
      }
      if (matched != null) {
        findings.add(Finding.of(isPast ? Severity.CAUTION : severity, FhirValues.reference(condition),
            describe(condition, matched, isPast)));
      }
    }
    return findings;
  }

  private static Severity severity(Coding coding, List<DiagnosisCriterion> criteria) {
    for (DiagnosisCriterion criterion : criteria) {
      if (criterion.matches(coding)) {
        return criterion.severity();
      }
    }
    return null;
  }

  static boolean isHeld(Condition condition) {
    return !FhirValues.in(ScreeningCodes.CONDITION_NOT_HELD, code(condition.getVerificationStatus()));
  }

  static boolean isPast(Condition condition) {
    String clinical = code(condition.getClinicalStatus());
    return clinical == null ? condition.hasAbatement() : ScreeningCodes.CONDITION_PAST.contains(clinical);
  }

  /** "Diagnosis F20.9 Schizophrenia (ICD-10-CM)", with ", clinical status resolved" when it is past. */
  private static String describe(Condition condition, Coding coding, boolean isPast) {
    String code = ScreeningCodes.isIcd10(coding) ? IcdCodes.display(coding.getCode()) : coding.getCode().trim();
    String name = coding.hasDisplay() ? coding.getDisplay() : condition.getCode().getText();
    return "Diagnosis " + code + (name == null || name.isBlank() ? "" : " " + name.trim())
        + " (" + ScreeningCodes.systemName(coding.getSystem()) + ")"
        + (!isPast ? "" : condition.hasClinicalStatus() ? ", clinical status " + code(condition.getClinicalStatus())
            : ", abated");
  }

  private static String code(CodeableConcept concept) {
    if (concept == null) {
      return null;
    }
    return concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null && !c.isBlank())
        .map(FhirValues::lower).findFirst().orElse(null);
  }
}
