package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.Ucum;

class NoticeRecordsTests {

  @Test
  void aControlIdLongerThanMsh10AllowsIsRefused() {
    assertThatThrownBy(() -> new Envelope(OutboundFixtures.CLINIC_APP, OutboundFixtures.REFERRER_APP,
        "X".repeat(21), OutboundFixtures.MESSAGE_TIME, OutboundFixtures.ZONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Envelope(OutboundFixtures.CLINIC_APP, OutboundFixtures.REFERRER_APP, "X".repeat(20),
        OutboundFixtures.MESSAGE_TIME, OutboundFixtures.ZONE).controlId()).hasSize(20);
  }

  @Test
  void aResultMustCarryTheValueOfItsOwnType() {
    assertThatThrownBy(() -> new Result(Code.loinc(Loinc.PHQ9_TOTAL), Result.ValueType.NM, null, "11", null, null,
        null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Result(Code.loinc(Loinc.PHQ9_TOTAL), Result.ValueType.CWE, BigDecimal.ONE, null,
        null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Result.quantity(Code.loinc(Loinc.PHQ9_TOTAL), BigDecimal.TEN, Ucum.SCORE, null)
        .withAbnormalFlag("H").withReferenceRange("0-27"))
        .extracting(Result::abnormalFlag, Result::referenceRange).containsExactly("H", "0-27");
  }

  @Test
  void aBirthDateIsAnIsoDateOfAnyPrecision() {
    List<AssignedId> ids = List.of(AssignedId.of("1", "NS"));
    assertThat(new PatientDetails(ids, null, "1988", null).birthDate()).isEqualTo("1988");
    assertThatThrownBy(() -> new PatientDetails(ids, null, "14/02/1988", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatientDetails(List.of(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDocumentCopiesItsPdfInAndOut() {
    byte[] pdf = {1, 2, 3};
    SummaryDocument document = new SummaryDocument("D1", "t", null, Instant.EPOCH, Instant.EPOCH,
        SummaryDocument.Completion.LEGALLY_AUTHENTICATED, pdf);
    pdf[0] = 9;
    document.pdf()[1] = 9;
    assertThat(document.pdf()).containsExactly(1, 2, 3);
    assertThat(document).isEqualTo(new SummaryDocument("D1", "t", null, Instant.EPOCH, Instant.EPOCH,
        SummaryDocument.Completion.LEGALLY_AUTHENTICATED, new byte[] {1, 2, 3}));
    assertThat(document.toString()).isEqualTo("SummaryDocument[id=D1, 3 bytes]");
  }

  @Test
  void aUniversalIdNeedsItsType() {
    assertThatThrownBy(() -> new AssignedId("1", null, "1.2.3", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
