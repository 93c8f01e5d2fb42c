package org.referralbridge.triage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Timing;

/**
 * The mg per day of a medication from its structured dosage: dose (a mass: mg, g, µg; the high end of a range) times
 * administrations per day (Timing.repeat frequency per period, the upper frequency when one is given; times of day;
 * or a timing code such as TID). When that cannot be worked out, the dosage's maximum per day, if it states one.
 * Several dosage lines add up. Empty when any line's daily dose is unknown (a dose in tablets, text only, PRN
 * without a frequency or a maximum).
 */
final class DailyDose {

  private static final MathContext MATH = MathContext.DECIMAL64;

  private DailyDose() {}

  static Optional<BigDecimal> mgPerDay(List<Dosage> dosages) {
    if (dosages.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Dosage dosage : dosages) {
      BigDecimal daily = mgPerDay(dosage);
      if (daily == null) {
        return Optional.empty();
      }
      total = total.add(daily);
    }
    return Optional.of(total);
  }

  private static BigDecimal mgPerDay(Dosage dosage) {
    BigDecimal dose = doseMg(dosage);
    BigDecimal perDay = dosage.hasTiming() ? administrationsPerDay(dosage.getTiming()) : null;
    if (dose != null && perDay != null) {
      return dose.multiply(perDay, MATH);
    }
    return dosage.hasMaxDosePerPeriod() ? maximumPerDay(dosage.getMaxDosePerPeriod()) : null;
  }

  private static BigDecimal doseMg(Dosage dosage) {
    for (Dosage.DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
      if (doseAndRate.hasDoseQuantity()) {
        return mg(doseAndRate.getDoseQuantity());
      }
      if (doseAndRate.hasDoseRange()) {
        return mg(doseAndRate.getDoseRange().hasHigh() ? doseAndRate.getDoseRange().getHigh()
            : doseAndRate.getDoseRange().getLow());
      }
    }
    return null;
  }

  private static BigDecimal mg(Quantity quantity) {
    if (quantity == null || !quantity.hasValue()) {
      return null;
    }
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    BigDecimal factor = FhirValues.get(ScreeningCodes.MASS_TO_MG, FhirValues.lower(unit));
    return factor == null ? null : quantity.getValue().multiply(factor, MATH);
  }

  private static BigDecimal administrationsPerDay(Timing timing) {
    Timing.TimingRepeatComponent repeat = timing.getRepeat();
    if ((repeat.hasFrequency() || repeat.hasFrequencyMax()) && repeat.hasPeriod() && repeat.hasPeriodUnit()) {
      BigDecimal days = days(repeat.getPeriod(), repeat.getPeriodUnit().toCode());
      int frequency = repeat.hasFrequencyMax() ? repeat.getFrequencyMax() : repeat.getFrequency();
      return days == null || days.signum() <= 0 ? null : BigDecimal.valueOf(frequency).divide(days, MATH);
    }
    if (repeat.hasTimeOfDay()) {
      return BigDecimal.valueOf(repeat.getTimeOfDay().size());
    }
    if (repeat.hasWhen()) {
      return BigDecimal.valueOf(repeat.getWhen().size());
    }
    if (timing.hasCode()) {
      for (Coding coding : timing.getCode().getCoding()) {
        BigDecimal perDay = FhirValues.get(ScreeningCodes.TIMING_CODE_PER_DAY, FhirValues.trim(coding.getCode()));
        if (perDay != null) {
          return perDay;
        }
      }
    }
    return null;
  }

  private static BigDecimal maximumPerDay(Ratio maximum) {
    BigDecimal mg = mg(maximum.getNumerator());
    Quantity per = maximum.getDenominator();
    if (mg == null || per == null || !per.hasValue()) {
      return null;
    }
    BigDecimal days = days(per.getValue(), per.hasCode() ? per.getCode() : per.getUnit());
    return days == null || days.signum() <= 0 ? null : mg.divide(days, MATH);
  }

  private static BigDecimal days(BigDecimal amount, String unit) {
    BigDecimal unitDays = FhirValues.get(ScreeningCodes.PERIOD_UNIT_DAYS, FhirValues.trim(unit));
    return unitDays == null ? null : amount.multiply(unitDays, MATH);
  }
}
