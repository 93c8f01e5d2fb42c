package org.referralbridge.infusion;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every number the dose check uses, in one place. These are checks for typos in what was entered (a dose in mg
 * typed as mg/kg, a weight in lb typed as kg, a digit too many), NOT clinical limits and not dosing advice: the
 * prescriber decides the dose; a warning only asks the person entering it to look again.
 */
final class DoseThresholds {

  /** Usual racemic ketamine IV/IM dose, quoted in warnings. */
  static final BigDecimal RACEMIC_USUAL_MG_PER_KG = new BigDecimal("0.5");
  /** Racemic IV/IM below this many mg/kg: a warning. */
  static final BigDecimal RACEMIC_WARN_BELOW_MG_PER_KG = new BigDecimal("0.1");
  /** Racemic IV/IM above this many mg/kg: a warning. */
  static final BigDecimal RACEMIC_WARN_ABOVE_MG_PER_KG = new BigDecimal("1.0");
  /** Racemic IV/IM above this many mg/kg: refused, it cannot be recorded as entered. */
  static final BigDecimal RACEMIC_REFUSE_ABOVE_MG_PER_KG = new BigDecimal("2.0");
  /** Intranasal esketamine comes as 28 mg devices: 1, 2 or 3 of them. Any other dose: a warning. */
  static final List<BigDecimal> ESKETAMINE_FIXED_DOSES_MG =
      List.of(new BigDecimal("28"), new BigDecimal("56"), new BigDecimal("84"));
  /** Weights outside this range (kg), inclusive, are refused. */
  static final BigDecimal MIN_WEIGHT_KG = new BigDecimal("20");
  static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("300");
  /** mg/kg is computed and compared with this many decimals, rounded half up. */
  static final int MG_PER_KG_SCALE = 2;

  private DoseThresholds() {}
}
