package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationIdTests {

  @Test
  void partsAreTrimmedAndNeverNull() {
    ApplicationId id = new ApplicationId(" NORTHSIDE_EHR ", null);
    assertThat(id.application()).isEqualTo("NORTHSIDE_EHR");
    assertThat(id.facility()).isEmpty();
    assertThat(id.key()).isEqualTo("NORTHSIDE_EHR^");
    assertThat(id.facilityOrApplication()).isEqualTo("NORTHSIDE_EHR");
  }

  @Test
  void theKeyNamesBothParts() {
    ApplicationId id = new ApplicationId("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    assertThat(id.key()).isEqualTo("NORTHSIDE_EHR^NORTHSIDE_PSYCH");
    assertThat(id.facilityOrApplication()).isEqualTo("NORTHSIDE_PSYCH");
    assertThat(id.isEmpty()).isFalse();
    assertThat(new ApplicationId(" ", "")).satisfies(empty -> assertThat(empty.isEmpty()).isTrue());
  }

  @Test
  void theHeaderReadsSenderAndReceiverAsApplicationIds() {
    MshHeader msh = MshHeader.read("MSH|^~\\&|EHR^1.2.3^ISO|PSYCH||KETA|20260101||REF^I12|42|P|2.5").orElseThrow();
    assertThat(msh.sender()).isEqualTo(new ApplicationId("EHR", "PSYCH"));
    assertThat(msh.receiver()).isEqualTo(new ApplicationId(null, "KETA"));
    assertThat(MshHeader.read("MSH|^~\\&|||||20260101||REF^I12|42|P|2.5").orElseThrow().sender().isEmpty()).isTrue();
  }
}
