package org.referralbridge.translate;

import static org.referralbridge.translate.CodedValues.concept;
import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.segment.DG1;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.vocabulary.CodeSystems;

/** Diagnoses (DG1) → Condition: an active problem-list item, confirmed for a final diagnosis (DG1-6 F). */
final class ConditionMapper {

  private ConditionMapper() {}

  /** DG1 → Condition, identified by DG1-1 (else its position {@code index}). */
  static Reference condition(DG1 dg1, int index, Reference patient, Translation t) {
    String setId = text(dg1.getSetIDDG1());
    Condition condition = new Condition();
    Identifier id = t.partIdentifier("DG1/" + (setId != null ? setId : index));
    condition.addIdentifier(id);
    condition.setClinicalStatus(concept(CodeSystems.CONDITION_CLINICAL, "active"));
    String type = text(dg1.getDiagnosisType().getIdentifier());
    condition.setVerificationStatus(concept(CodeSystems.CONDITION_VERIFICATION,
        "F".equalsIgnoreCase(type) ? "confirmed" : "provisional"));
    condition.addCategory(concept(CodeSystems.CONDITION_CATEGORY, "problem-list-item"));
    CodeableConcept code = CodedValues.concept(dg1.getDiagnosisCodeDG1());
    String description = text(dg1.getDiagnosisDescription());
    if (code == null && description != null) {
      code = new CodeableConcept().setText(description); // DG1-4, withdrawn but still sent by v2.3-2.5 systems
    }
    condition.setCode(code);
    condition.setSubject(patient);
    DateTimeType onset = Fields.dateTime("DG1-5", dg1.getDiagnosisDateTime(), t);
    if (onset != null) {
      condition.setOnset(onset);
    }
    condition.setRecordedDateElement(Fields.dateTime("DG1-19", dg1.getAttestationDateTime(), t));
    return t.add(condition, "Condition/" + id.getValue(), id);
  }
}
