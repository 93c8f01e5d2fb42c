package org.referralbridge.infusion;

import static org.referralbridge.infusion.DoseThresholds.ESKETAMINE_FIXED_DOSES_MG;
import static org.referralbridge.infusion.DoseThresholds.MAX_WEIGHT_KG;
import static org.referralbridge.infusion.DoseThresholds.MG_PER_KG_SCALE;
import static org.referralbridge.infusion.DoseThresholds.MIN_WEIGHT_KG;
import static org.referralbridge.infusion.DoseThresholds.RACEMIC_REFUSE_ABOVE_MG_PER_KG;
import static org.referralbridge.infusion.DoseThresholds.RACEMIC_USUAL_MG_PER_KG;
import static org.referralbridge.infusion.DoseThresholds.RACEMIC_WARN_ABOVE_MG_PER_KG;
import static org.referralbridge.infusion.DoseThresholds.RACEMIC_WARN_BELOW_MG_PER_KG;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes mg/kg and checks an entered dose for typos (thresholds in {@link DoseThresholds}: typo checks, not
 * clinical limits). Checked: racemic ketamine IV/IM against its usual mg/kg, intranasal esketamine against its fixed
 * doses; any drug and route for a positive dose and a weight of 20-300 kg. Comparisons use the rounded mg/kg, the
 * number a person sees.
 */
public final class DoseCalculator {

  private DoseCalculator() {}

  /**
   * @return the dose per kg and warnings (empty when nothing looks odd)
   * @throws InvalidDoseException when the dose or weight is missing, zero, negative, the weight is outside 20-300 kg,
   *     or racemic ketamine IV/IM is above 2.0 mg/kg
   */
  public static DoseCheck check(Drug drug, Route route, BigDecimal doseMg, BigDecimal weightKg) {
    if (drug == null || route == null) {
      throw new InvalidDoseException("Choose the drug and the route.");
    }
    if (doseMg == null || doseMg.signum() <= 0) {
      throw new InvalidDoseException("The dose must be more than 0 mg.");
    }
    if (weightKg == null || weightKg.compareTo(MIN_WEIGHT_KG) < 0 || weightKg.compareTo(MAX_WEIGHT_KG) > 0) {
      throw new InvalidDoseException("The weight must be between " + plain(MIN_WEIGHT_KG) + " and "
          + plain(MAX_WEIGHT_KG) + " kg" + (weightKg == null ? "." : "; " + plain(weightKg) + " kg was entered."));
    }
    BigDecimal mgPerKg = doseMg.divide(weightKg, MG_PER_KG_SCALE, RoundingMode.HALF_UP);
    List<String> warnings = new ArrayList<>();
    switch (drug) {
      case KETAMINE_RACEMIC -> checkRacemic(route, mgPerKg, warnings);
      case ESKETAMINE -> checkEsketamine(route, doseMg, warnings);
    }
    return new DoseCheck(mgPerKg, warnings);
  }

  private static void checkRacemic(Route route, BigDecimal mgPerKg, List<String> warnings) {
    if (route != Route.IV && route != Route.IM) {
      warnings.add("No usual-dose check is set for racemic ketamine by the " + route.abbreviation()
          + " route: check the dose.");
      return;
    }
    String dose = plain(mgPerKg) + " mg/kg " + route.abbreviation();
    if (mgPerKg.compareTo(RACEMIC_REFUSE_ABOVE_MG_PER_KG) > 0) {
      throw new InvalidDoseException("The dose is " + dose + ", above " + plain(RACEMIC_REFUSE_ABOVE_MG_PER_KG)
          + " mg/kg for racemic ketamine: check the dose in mg and the weight in kg.");
    }
    String usual = " (usual " + plain(RACEMIC_USUAL_MG_PER_KG) + " mg/kg): check the dose in mg and the weight in kg.";
    if (mgPerKg.compareTo(RACEMIC_WARN_BELOW_MG_PER_KG) < 0) {
      warnings.add("The dose is " + dose + ", below " + plain(RACEMIC_WARN_BELOW_MG_PER_KG) + " mg/kg" + usual);
    } else if (mgPerKg.compareTo(RACEMIC_WARN_ABOVE_MG_PER_KG) > 0) {
      warnings.add("The dose is " + dose + ", above " + plain(RACEMIC_WARN_ABOVE_MG_PER_KG) + " mg/kg" + usual);
    }
  }

  private static void checkEsketamine(Route route, BigDecimal doseMg, List<String> warnings) {
    if (route != Route.INTRANASAL) {
      warnings.add("Esketamine is given intranasally, not by the " + route.abbreviation()
          + " route: check the drug and the route.");
    }
    if (ESKETAMINE_FIXED_DOSES_MG.stream().noneMatch(fixed -> fixed.compareTo(doseMg) == 0)) {
      warnings.add("Esketamine nasal spray is given as "
          + ESKETAMINE_FIXED_DOSES_MG.stream().map(DoseCalculator::plain).collect(Collectors.joining(", "))
          + " mg; " + plain(doseMg) + " mg is none of these: check the dose.");
    }
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
