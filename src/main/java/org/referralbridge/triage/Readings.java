package org.referralbridge.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Finds coded values among Observations: as the Observation's own code and value, or as a component (a blood
 * pressure panel's systolic, a PHQ-9 panel's item 9). An Observation's own reading needs a value or an
 * interpretation, a component's reading a value. Cancelled and entered-in-error Observations are ignored.
 */
final class Readings {

  private static final Comparator<Instant> UNKNOWN_TIME_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Reading> BY_TIME = Comparator.comparing(Reading::time, UNKNOWN_TIME_FIRST);

  private Readings() {}

  /** The latest reading of any of the LOINC {@code codes}; a reading without a time is older than any with one. */
  static Optional<Reading> latest(List<Observation> observations, Set<String> codes) {
    return latest(observations, codes, reading -> true);
  }

  /** The latest reading of any of the LOINC {@code codes} among those that are {@code usable}. */
  static Optional<Reading> latest(List<Observation> observations, Set<String> codes, Predicate<Reading> usable) {
    return all(observations, codes).stream().filter(usable).max(BY_TIME);
  }

  static List<Reading> all(List<Observation> observations, Set<String> codes) {
    List<Reading> readings = new ArrayList<>();
    for (Observation observation : observations) {
      if (!counts(observation)) {
        continue;
      }
      Instant time = time(observation);
      String date = date(observation);
      String code = matchedCode(observation.getCode(), codes);
      if (code != null && (observation.hasValue() || observation.hasInterpretation())) {
        readings.add(new Reading(observation, code, observation.getValue(), observation.getInterpretation(), time,
            date));
      }
      for (Observation.ObservationComponentComponent component : observation.getComponent()) {
        String componentCode = matchedCode(component.getCode(), codes);
        if (componentCode != null && component.hasValue()) {
          readings.add(new Reading(observation, componentCode, component.getValue(), component.getInterpretation(),
              time, date));
        }
      }
    }
    return readings;
  }

  /** Observations coded with one of the LOINC {@code codes}, whether they have a value or not. */
  static Optional<Observation> latestObservation(List<Observation> observations, Set<String> codes) {
    return observations.stream().filter(Readings::counts).filter(o -> matchedCode(o.getCode(), codes) != null)
        .max(Comparator.comparing(Readings::time, UNKNOWN_TIME_FIRST));
  }

  static boolean counts(Observation observation) {
    Observation.ObservationStatus status = observation.getStatus();
    return status != Observation.ObservationStatus.CANCELLED
        && status != Observation.ObservationStatus.ENTEREDINERROR;
  }

  /** The LOINC code of {@code concept} that is one of {@code codes}, or null. */
  private static String matchedCode(CodeableConcept concept, Set<String> codes) {
    if (concept == null) {
      return null;
    }
    return concept.getCoding().stream().filter(c -> CodeSystems.LOINC.equals(c.getSystem()))
        .map(c -> FhirValues.trim(c.getCode())).filter(code -> FhirValues.in(codes, code)).findFirst().orElse(null);
  }

  /** effective[x] (dateTime, instant, or the start, else end, of a period), else issued. */
  static Instant time(Observation observation) {
    BaseDateTimeType effective = effective(observation);
    return effective != null ? FhirValues.instant(effective) : null;
  }

  /** The effective date as the source wrote it (2026-11-10), or null. */
  static String date(Observation observation) {
    return FhirValues.date(effective(observation));
  }

  private static BaseDateTimeType effective(Observation observation) {
    if (observation.hasEffectiveDateTimeType()) {
      return observation.getEffectiveDateTimeType();
    }
    if (observation.hasEffectiveInstantType()) {
      return observation.getEffectiveInstantType();
    }
    if (observation.hasEffectivePeriod()) {
      return observation.getEffectivePeriod().hasStart() ? observation.getEffectivePeriod().getStartElement()
          : observation.getEffectivePeriod().getEndElement();
    }
    return observation.hasIssued() ? observation.getIssuedElement() : null;
  }
}
