package org.referralbridge.infusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DoseCalculatorTests {

  private static DoseCheck check(Drug drug, Route route, String doseMg, String weightKg) {
    return DoseCalculator.check(drug, route, doseMg == null ? null : new BigDecimal(doseMg),
        weightKg == null ? null : new BigDecimal(weightKg));
  }

  @Test
  void theUsualRacemicIvDoseHasNoWarnings() {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, Route.IV, "36", "72");
    assertThat(check.mgPerKg()).isEqualByComparingTo("0.50");
    assertThat(check.mgPerKg().scale()).isEqualTo(2);
    assertThat(check.hasWarnings()).isFalse();
  }

  @ParameterizedTest(name = "{0} mg / {1} kg = {2} mg/kg")
  @CsvSource({"35, 72, 0.49", "9, 72, 0.13", "50, 80, 0.63", "37.5, 75, 0.50", "36.4, 72.8, 0.50"})
  void computesMgPerKgToTwoDecimalsRoundingHalfUp(String dose, String weight, String expected) {
    assertThat(check(Drug.KETAMINE_RACEMIC, Route.IV, dose, weight).mgPerKg()).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @EnumSource(value = Route.class, names = {"IV", "IM"})
  void warnsWhenARacemicDoseIsBelowATenthOfAMgPerKg(Route route) {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, route, "5", "72");
    assertThat(check.mgPerKg()).isEqualByComparingTo("0.07");
    assertThat(check.warnings()).containsExactly("The dose is 0.07 mg/kg " + route.abbreviation()
        + ", below 0.1 mg/kg (usual 0.5 mg/kg): check the dose in mg and the weight in kg.");
  }

  @ParameterizedTest
  @EnumSource(value = Route.class, names = {"IV", "IM"})
  void warnsWhenARacemicDoseIsAboveOneMgPerKg(Route route) {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, route, "80", "72");
    assertThat(check.warnings()).containsExactly("The dose is 1.11 mg/kg " + route.abbreviation()
        + ", above 1.0 mg/kg (usual 0.5 mg/kg): check the dose in mg and the weight in kg.");
  }

  @ParameterizedTest(name = "{0} mg / 100 kg")
  @ValueSource(strings = {"10", "100", "50"})
  void theWarningThresholdsThemselvesAreNotWarned(String dose) {
    assertThat(check(Drug.KETAMINE_RACEMIC, Route.IV, dose, "100").warnings()).isEmpty();
  }

  @Test
  void exactlyTwoMgPerKgIsWarnedButNotRefused() {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, Route.IM, "200", "100");
    assertThat(check.mgPerKg()).isEqualByComparingTo("2.00");
    assertThat(check.warnings()).singleElement().asString().contains("above 1.0 mg/kg");
  }

  @ParameterizedTest
  @EnumSource(value = Route.class, names = {"IV", "IM"})
  void refusesARacemicDoseAboveTwoMgPerKg(Route route) {
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, route, "150", "72"))
        .isInstanceOf(InvalidDoseException.class)
        .hasMessage("The dose is 2.08 mg/kg " + route.abbreviation()
            + ", above 2.0 mg/kg for racemic ketamine: check the dose in mg and the weight in kg.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "0.00"})
  void refusesAZeroOrNegativeDose(String dose) {
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, Route.IV, dose, "72"))
        .isInstanceOf(InvalidDoseException.class).hasMessage("The dose must be more than 0 mg.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-70", "19.9", "300.1", "720"})
  void refusesAZeroNegativeOrOutOfRangeWeight(String weight) {
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, Route.IV, "36", weight))
        .isInstanceOf(InvalidDoseException.class)
        .hasMessage("The weight must be between 20 and 300 kg; " + weight + " kg was entered.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"20", "300"})
  void acceptsTheWeightLimitsThemselves(String weight) {
    assertThat(check(Drug.ESKETAMINE, Route.INTRANASAL, "56", weight).warnings()).isEmpty();
  }

  @Test
  void refusesAMissingDoseWeightDrugOrRoute() {
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, Route.IV, null, "72"))
        .isInstanceOf(InvalidDoseException.class).hasMessage("The dose must be more than 0 mg.");
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, Route.IV, "36", null))
        .isInstanceOf(InvalidDoseException.class).hasMessage("The weight must be between 20 and 300 kg.");
    assertThatThrownBy(() -> check(null, Route.IV, "36", "72"))
        .isInstanceOf(InvalidDoseException.class).hasMessage("Choose the drug and the route.");
    assertThatThrownBy(() -> check(Drug.KETAMINE_RACEMIC, null, "36", "72"))
        .isInstanceOf(InvalidDoseException.class).hasMessage("Choose the drug and the route.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"28", "56", "84", "56.0"})
  void intranasalEsketamineAtAFixedDoseHasNoWarnings(String dose) {
    assertThat(check(Drug.ESKETAMINE, Route.INTRANASAL, dose, "70").warnings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"60", "14", "112"})
  void warnsWhenEsketamineIsNotAFixedDose(String dose) {
    assertThat(check(Drug.ESKETAMINE, Route.INTRANASAL, dose, "70").warnings()).containsExactly(
        "Esketamine nasal spray is given as 28, 56, 84 mg; " + dose + " mg is none of these: check the dose.");
  }

  @Test
  void warnsWhenEsketamineIsGivenByAnotherRoute() {
    assertThat(check(Drug.ESKETAMINE, Route.IV, "56", "70").warnings()).containsExactly(
        "Esketamine is given intranasally, not by the IV route: check the drug and the route.");
  }

  @Test
  void esketamineIsNotRefusedAboveTwoMgPerKgBecauseItsDoseIsFixed() {
    DoseCheck check = check(Drug.ESKETAMINE, Route.INTRANASAL, "84", "40");
    assertThat(check.mgPerKg()).isEqualByComparingTo("2.10");
    assertThat(check.warnings()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Route.class, names = {"ORAL", "INTRANASAL"})
  void saysThatRacemicKetamineByOtherRoutesIsNotChecked(Route route) {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, route, "500", "72");
    assertThat(check.warnings()).containsExactly("No usual-dose check is set for racemic ketamine by the "
        + route.abbreviation() + " route: check the dose.");
  }

  @Test
  void warningsCarryNoPatientDetailsOnlyNumbersAndUnits() {
    DoseCheck check = check(Drug.KETAMINE_RACEMIC, Route.IV, "5", "72");
    assertThat(check.warnings()).allSatisfy(w -> assertThat(w).matches("[A-Za-z0-9 .,:;()/-]+"));
  }
}
