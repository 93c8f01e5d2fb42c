package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.translate.EncodedTypes.cwe;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.referralbridge.vocabulary.CodeSystems;

/** Coded values (CWE) → CodeableConcept ({@link CodedValues}), each parsed from its pipe-encoded form. */
class CodedValuesTests {

  @Test
  void mapsAKnownCodingSystemToItsUri() {
    CodeableConcept concept = CodedValues.concept(cwe("F33.2^Major depressive disorder, recurrent severe^I10"));

    assertThat(concept.getCodingFirstRep().getSystem()).isEqualTo(CodeSystems.ICD10CM);
    assertThat(concept.getCodingFirstRep().getCode()).isEqualTo("F33.2");
    assertThat(concept.getCodingFirstRep().getDisplay()).isEqualTo("Major depressive disorder, recurrent severe");
    assertThat(concept.getText()).isEqualTo("Major depressive disorder, recurrent severe");
  }

  @Test
  void keepsTheTextOfACodeFromAnUnknownCodingSystemWithoutInventingASystem() {
    CodeableConcept withText = CodedValues.concept(cwe("LATEX^Latex^L"));
    CodeableConcept withoutText = CodedValues.concept(cwe("X123^^99LOCAL"));

    assertThat(withText.hasCoding()).isFalse();
    assertThat(withText.getText()).isEqualTo("Latex");
    assertThat(withoutText.hasCoding()).isFalse();
    assertThat(withoutText.getText()).isEqualTo("X123");
  }

  @Test
  void keepsAlternateCodingsVersionsAndTheOriginalText() {
    CodeableConcept concept = CodedValues.concept(
        cwe("F41.1^Generalized anxiety disorder^I10^197480006^Anxiety disorder^SCT^2026^^Worried all the time"));

    assertThat(concept.getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
        .containsExactly(CodeSystems.ICD10CM + "|F41.1", CodeSystems.SNOMED + "|197480006");
    assertThat(concept.getCodingFirstRep().getVersion()).isEqualTo("2026");
    assertThat(concept.getText()).isEqualTo("Worried all the time");
  }

  @Test
  void mapsHl7TableNamesToTerminologyHl7OrgSystems() {
    assertThat(CodedValues.concept(cwe("P^Pending^HL70283")).getCodingFirstRep().getSystem())
        .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0283");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"en^English^ISO639, en", "ENG^English^HL70296, ENG", "ENGLISH, ENGLISH"})
  void keepsTheLanguageAsSentForTheGateToNormalise(String v2, String code) {
    CodeableConcept language = CodedValues.language(cwe(v2));

    assertThat(language.getCodingFirstRep().getSystem()).isEqualTo(CodeSystems.ISO639);
    assertThat(language.getCodingFirstRep().getCode()).isEqualTo(code);
  }

  @Test
  void mapsAnEmptyCweToNull() {
    assertThat(CodedValues.concept(cwe(""))).isNull();
  }
}
