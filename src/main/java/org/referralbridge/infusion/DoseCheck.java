package org.referralbridge.infusion;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of {@link DoseCalculator#check}: the dose per kg (2 decimals) and warnings for the person entering it,
 * each a plain sentence without patient details.
 */
public record DoseCheck(BigDecimal mgPerKg, List<String> warnings) {

  public DoseCheck {
    warnings = List.copyOf(warnings);
  }

  public boolean hasWarnings() {
    return !warnings.isEmpty();
  }
}
