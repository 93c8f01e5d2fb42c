package org.referralbridge.triage;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * The FHIR R4 data of one referral that the screening rules read. Null lists become empty lists and null elements
 * are dropped. The resources are not copied: do not change them while rules run.
 *
 * @param patient the patient (may be null; no rule needs it yet)
 * @param conditions diagnoses (DG1, ServiceRequest.reasonReference, the problem list)
 * @param observations screening scores, vital signs, pregnancy tests
 * @param allergies allergies and intolerances
 * @param medications current and past medications
 * @param notes free-text notes, e.g. the ServiceRequest.note texts
 */
public record ReferralFacts(Patient patient, List<Condition> conditions, List<Observation> observations,
    List<AllergyIntolerance> allergies, List<MedicationStatement> medications, List<String> notes) {

  public ReferralFacts {
    conditions = clean(conditions);
    observations = clean(observations);
    allergies = clean(allergies);
    medications = clean(medications);
    notes = clean(notes);
  }

  private static <T> List<T> clean(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  /** Counts only: the notes and resources hold patient data, which must not reach a log through this record. */
  @Override
  public String toString() {
    return "ReferralFacts[conditions=" + conditions.size() + ", observations=" + observations.size()
        + ", allergies=" + allergies.size() + ", medications=" + medications.size() + ", notes=" + notes.size() + "]";
  }
}
