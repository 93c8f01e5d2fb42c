package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hl7ParserTests {

  @Test
  void intakeReadsOnlyTheHeaderPatientReferralAndProviderSegmentsInTheirOrder() {
    String segments = "MSH|^~\\&|EHR|CLINIC\rEVN|I12\rPID|1||MRN1\r  PRD|RP\rCTD|X\rOBX|1\rRF1|A\rZPI|x\rPI\r\rPRD|RT";
    assertThat(Hl7Parser.intakeSegments(segments))
        .isEqualTo("MSH|^~\\&|EHR|CLINIC\rPID|1||MRN1\r  PRD|RP\rRF1|A\rPRD|RT");
  }

  @Test
  void aMessageWithoutThoseSegmentsLeavesNothingToRead() {
    assertThat(Hl7Parser.intakeSegments("EVN|I12\rOBX|1")).isEmpty();
    assertThat(Hl7Parser.intakeSegments("")).isEmpty();
  }
}
