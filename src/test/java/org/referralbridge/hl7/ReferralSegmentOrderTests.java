package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferralSegmentOrderTests {

  private static String order(String... segments) {
    return ReferralSegmentOrder.canonical(String.join("\r", segments)).replace('\r', '/');
  }

  @Test
  void leavesAMessageInOrderAsItIs() {
    assertThat(order("MSH|x", "RF1|x", "PRD|RP", "CTD|x", "PID|x", "DG1|x", "OBR|x", "OBX|x", "NTE|x", "PV1|x",
        "NTE|final")).isEqualTo("MSH|x/RF1|x/PRD|RP/CTD|x/PID|x/DG1|x/OBR|x/OBX|x/NTE|x/PV1|x/NTE|final");
  }

  @Test
  void movesEachPartWithTheSegmentsThatBelongToIt() {
    assertThat(order("MSH|x", "PID|x", "PRD|RP", "CTD|c", "RF1|x", "OBR|x", "OBX|1", "NTE|on obx", "DG1|x"))
        .isEqualTo("MSH|x/RF1|x/PRD|RP/CTD|c/PID|x/DG1|x/OBR|x/OBX|1/NTE|on obx");
  }

  @Test
  void aNoteWhereNoNoteCanBeBecomesANoteOnTheReferral() {
    assertThat(order("MSH|x", "NTE|early", "RF1|x", "PRD|RP", "PID|x", "PV1|x"))
        .isEqualTo("MSH|x/RF1|x/PRD|RP/PID|x/PV1|x/NTE|early");
  }

  @Test
  void anAuthorisationAfterAProcedureStaysWithIt() {
    assertThat(order("MSH|x", "RF1|x", "PRD|RP", "PID|x", "PR1|x", "AUT|p", "DG1|x"))
        .isEqualTo("MSH|x/RF1|x/PRD|RP/PID|x/DG1|x/PR1|x/AUT|p");
  }

  @Test
  void zSegmentsStayAfterTheSegmentTheyFollow() {
    assertThat(order("MSH|x", "PID|x", "ZPI|x", "RF1|x", "PRD|RP"))
        .isEqualTo("MSH|x/RF1|x/PRD|RP/PID|x/ZPI|x");
  }

  @Test
  void aByteOrderMarkAndLineFeedsAreNotSegments() {
    assertThat(Er7Text.segments("\uFEFFMSH|x\r\nRF1|x\n\nPID|x\n")).isEqualTo("MSH|x\rRF1|x\rPID|x");
    assertThat(MshHeader.read("\uFEFFMSH|^~\\&|APP|FAC|||||REF^I12|1|P|2.5")).isPresent();
  }

  @Test
  void aByteOrderMarkReadAsLatin1MeansTheMessageIsUtf8() {
    byte[] sent = "\uFEFFMSH|^~\\&|APP|FAC\rPID|1||X||Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String asTheMllpConsumerReadsIt = new String(sent, java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(Er7Text.segments(asTheMllpConsumerReadsIt)).isEqualTo("MSH|^~\\&|APP|FAC\rPID|1||X||Zoë");
  }
}
