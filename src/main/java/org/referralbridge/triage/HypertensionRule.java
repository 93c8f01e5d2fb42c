package org.referralbridge.triage;

import static org.referralbridge.triage.ScreeningCodes.DIASTOLIC_CAUTION;
import static org.referralbridge.triage.ScreeningCodes.DIASTOLIC_CONTRAINDICATION;
import static org.referralbridge.triage.ScreeningCodes.SYSTOLIC_CAUTION;
import static org.referralbridge.triage.ScreeningCodes.SYSTOLIC_CONTRAINDICATION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.referralbridge.vocabulary.Loinc;

/**
 * The latest systolic and the latest diastolic pressure (from a blood pressure panel's components or standalone
 * Observations), each against its thresholds; and any hypertension diagnosis, as a caution.
 */
final class HypertensionRule implements ScreeningRule {

  @Override
  public FlagKind kind() {
    return FlagKind.UNCONTROLLED_HYPERTENSION;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    List<Finding> findings = new ArrayList<>(bloodPressure(facts.observations()));
    findings.addAll(Diagnoses.findings(facts.conditions(), ScreeningCodes.HYPERTENSION, Diagnoses.Past.CAUTION));
    return findings;
  }

  private static List<Finding> bloodPressure(List<Observation> observations) {
    Optional<Reading> systolic = latestInMmHg(observations, Loinc.SYSTOLIC_BP);
    Optional<Reading> diastolic = latestInMmHg(observations, Loinc.DIASTOLIC_BP);
    Severity systolicSeverity = systolic.map(r -> severity(r, SYSTOLIC_CONTRAINDICATION, SYSTOLIC_CAUTION))
        .orElse(null);
    Severity diastolicSeverity = diastolic.map(r -> severity(r, DIASTOLIC_CONTRAINDICATION, DIASTOLIC_CAUTION))
        .orElse(null);
    if (systolic.isPresent() && diastolic.isPresent() && systolic.get().source() == diastolic.get().source()) {
      Severity severity = moreSevere(systolicSeverity, diastolicSeverity);
      if (severity == null) {
        return List.of();
      }
      Reading reading = systolic.get();
      return List.of(Finding.of(severity, reading.reference(), "Blood pressure " + mmHg(reading) + "/"
          + mmHg(diastolic.get()) + " mmHg" + reading.onDate()));
    }
    List<Finding> findings = new ArrayList<>();
    if (systolicSeverity != null) {
      Reading reading = systolic.get();
      findings.add(Finding.of(systolicSeverity, reading.reference(),
          "Systolic blood pressure " + mmHg(reading) + " mmHg" + reading.onDate()));
    }
    if (diastolicSeverity != null) {
      Reading reading = diastolic.get();
      findings.add(Finding.of(diastolicSeverity, reading.reference(),
          "Diastolic blood pressure " + mmHg(reading) + " mmHg" + reading.onDate()));
    }
    return findings;
  }

  /** The latest reading of {@code code} in mmHg (a reading in another unit, or without a number, is skipped). */
  private static Optional<Reading> latestInMmHg(List<Observation> observations, Loinc code) {
    return Readings.latest(observations, Set.of(code.code()),
        r -> r.value() instanceof Quantity quantity && quantity.hasValue() && isMmHg(quantity));
  }

  private static boolean isMmHg(Quantity quantity) {
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    if (unit == null || unit.isBlank()) {
      return true; // senders often leave the unit of a blood pressure out; it is mmHg
    }
    String compact = unit.replace(" ", "").replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    return compact.equals("mmhg");
  }

  private static Severity severity(Reading reading, int contraindication, int caution) {
    BigDecimal value = ((Quantity) reading.value()).getValue();
    if (value.compareTo(BigDecimal.valueOf(contraindication)) >= 0) {
      return Severity.CONTRAINDICATION;
    }
    return value.compareTo(BigDecimal.valueOf(caution)) >= 0 ? Severity.CAUTION : null;
  }

  private static Severity moreSevere(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static String mmHg(Reading reading) {
    return FhirValues.plain(((Quantity) reading.value()).getValue());
  }
}
