package org.referralbridge.translate;

import static org.referralbridge.translate.CodedValues.concept;
import static org.referralbridge.translate.V2Types.text;
import static org.referralbridge.translate.V2Types.upper;

import ca.uhn.hl7v2.model.v28.segment.AL1;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Allergies (AL1) → AllergyIntolerance: category and type from AL1-2, criticality and reaction severity from AL1-4,
 * the reactions of AL1-5 as manifestations.
 */
final class AllergyMapper {

  private AllergyMapper() {}

  /** AL1 → AllergyIntolerance, identified by its position {@code index}. */
  static Reference allergy(AL1 al1, int index, Reference patient, Translation t) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    Identifier id = t.partIdentifier("AL1/" + index);
    allergy.addIdentifier(id);
    allergy.setClinicalStatus(concept(CodeSystems.ALLERGY_CLINICAL, "active"));
    allergy.setPatient(patient);
    String type = upper(text(al1.getAllergenTypeCode().getIdentifier()));
    if (type != null) {
      switch (type) {
        case "DA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        case "FA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
        case "EA", "AA", "PA", "LA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT);
        default -> { }
      }
      allergy.setType("MC".equals(type) ? AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE
          : AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
    }
    allergy.setCode(CodedValues.concept(al1.getAllergenCodeMnemonicDescription()));
    String severity = upper(text(al1.getAllergySeverityCode().getIdentifier()));
    if ("SV".equals(severity)) {
      allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
    } else if ("MO".equals(severity) || "MI".equals(severity)) {
      allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
    }
    List<String> reactions = V2Types.mapAll(al1.getAllergyReactionCode(), V2Types::text);
    if (!reactions.isEmpty()) {
      AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
      reactions.forEach(r -> reaction.addManifestation(new CodeableConcept().setText(r)));
      if (severity != null) {
        switch (severity) {
          case "SV" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
          case "MO" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
          case "MI" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
          default -> { }
        }
      }
    }
    return t.add(allergy, "AllergyIntolerance/" + id.getValue(), id);
  }
}
