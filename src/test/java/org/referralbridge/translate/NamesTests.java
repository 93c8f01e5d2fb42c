package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.translate.EncodedTypes.xpn;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Person names (XPN) → HumanName ({@link Names}), each parsed from its pipe-encoded form. */
class NamesTests {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"L, OFFICIAL", "l, OFFICIAL", "R, OFFICIAL", "D, USUAL", "M, MAIDEN", "N, NICKNAME", "TEMP, TEMP",
      "NAV, TEMP", "BAD, OLD", "MSK, ANONYMOUS", "A, NULL", "S, NULL", "T, NULL", "B, NULL", "U, NULL"})
  void mapsTheNameTypeAfterTheV2ToFhirConceptMap(String type, String use) {
    HumanName name = Names.name(xpn("Quill^Morgan^^^^^" + type));

    assertThat(name.getUse()).isEqualTo("NULL".equals(use) ? null : NameUse.valueOf(use));
  }

  @Test
  void mapsEveryNamePart() {
    HumanName name = Names.name(xpn("Quill^Morgan^Avery^Jr^Mx^^L^^^^^^^PhD"));

    assertThat(name.getFamily()).isEqualTo("Quill");
    assertThat(name.getGiven()).extracting(Object::toString).containsExactly("Morgan", "Avery");
    assertThat(name.getPrefix()).extracting(Object::toString).containsExactly("Mx");
    assertThat(name.getSuffix()).extracting(Object::toString).containsExactly("Jr", "PhD");
    assertThat(Names.name(xpn(""))).isNull();
  }
}
