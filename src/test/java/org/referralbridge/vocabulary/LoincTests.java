package org.referralbridge.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The LOINC codes the bridge sends and reads: pinned, unique, and each found again from its code. */
class LoincTests {

  @Test
  void theCodesPartnersReceiveArePinned() {
    assertThat(Loinc.PHQ9_TOTAL.code()).isEqualTo("44261-6");
    assertThat(Loinc.PHQ9_TOTAL.display()).isEqualTo("PHQ-9 total score");
    assertThat(Loinc.SYSTOLIC_BP.code()).isEqualTo("8480-6");
    assertThat(Loinc.SYSTOLIC_BP.display()).isEqualTo("Systolic blood pressure");
    assertThat(Loinc.BP_PANEL.code()).isEqualTo("85354-9");
    assertThat(Loinc.CONSULT_NOTE.code()).isEqualTo("11488-4");
    assertThat(Loinc.CONSULT_NOTE.display()).isEqualTo("Consult note");
    assertThat(Loinc.REFERRAL_NOTE.code()).isEqualTo("57133-1");
    assertThat(Loinc.CSSRS_PANEL.code()).isEqualTo("93245-9");
  }

  @Test
  void spo2ByPulseOximetryCarriesTheLongCommonName() {
    assertThat(Loinc.SPO2_PULSE_OXIMETRY.code()).isEqualTo("59408-5");
    assertThat(Loinc.SPO2_PULSE_OXIMETRY.display()).isEqualTo("Oxygen saturation in Arterial blood by Pulse oximetry");
  }

  @Test
  void everyCodeIsUsedOnce() {
    assertThat(Arrays.stream(Loinc.values()).map(Loinc::code)).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Loinc.class)
  void everyCodeIsFoundAgainAndHasADisplay(Loinc loinc) {
    assertThat(Loinc.fromCode(loinc.code())).contains(loinc);
    assertThat(Loinc.fromCode(" " + loinc.code().toLowerCase() + " ")).contains(loinc);
    assertThat(loinc.display()).isNotBlank();
  }

  @Test
  void anUnknownOrMissingCodeIsEmpty() {
    assertThat(Loinc.fromCode("1234-5")).isEmpty();
    assertThat(Loinc.fromCode("")).isEmpty();
    assertThat(Loinc.fromCode(null)).isEmpty();
  }

  @Test
  void aCodingCarriesTheLoincSystemCodeAndDisplay() {
    Coding coding = Loinc.HEART_RATE.coding();
    assertThat(coding.getSystem()).isEqualTo("http://loinc.org");
    assertThat(coding.getCode()).isEqualTo("8867-4");
    assertThat(coding.getDisplay()).isEqualTo("Heart rate");
    assertThat(Loinc.HEART_RATE.coding()).as("a new Coding each time").isNotSameAs(coding);
  }

  @Test
  void theScreeningScoresAreBuiltFromLoinc() {
    assertThat(CodeSystems.SCREENING_SCORES).containsEntry("44261-6", Loinc.PHQ9_TOTAL)
        .containsEntry("93245-9", Loinc.CSSRS_PANEL).hasSize(7);
  }
}
