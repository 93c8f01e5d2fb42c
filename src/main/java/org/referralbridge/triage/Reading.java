package org.referralbridge.triage;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Type;

/**
 * One coded value of an Observation: the Observation's own value, or one of its components.
 *
 * @param source the Observation it is part of
 * @param code the LOINC code it was found by
 * @param value the value
 * @param interpretation the interpretation of that value
 * @param time when it was effective (null: unknown, older than any known time)
 * @param date the effective date as the source wrote it (null: unknown)
 */
record Reading(Observation source, String code, Type value, List<CodeableConcept> interpretation, Instant time,
    String date) {

  String reference() {
    return FhirValues.reference(source);
  }

  /** " on 2026-11-10", or " (date not recorded)". */
  String onDate() {
    return date != null ? " on " + date : " (date not recorded)";
  }
}
