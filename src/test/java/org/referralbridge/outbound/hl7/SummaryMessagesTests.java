package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.outbound.hl7.OutboundFixtures.parse;
import static org.referralbridge.outbound.hl7.OutboundFixtures.summary;

import ca.uhn.hl7v2.model.v251.datatype.CWE;
import ca.uhn.hl7v2.model.v251.datatype.ED;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryMessagesTests {

  @Test
  void mdmIsAnOriginalDocumentNotificationForTheReferrer() throws Exception {
    MDM_T02 mdm = (MDM_T02) parse(SummaryMessages.mdmT02(summary()));
    assertThat(mdm.getMSH().getMessageType().encode()).isEqualTo("MDM^T02^MDM_T02");
    assertThat(mdm.getMSH().getReceivingApplication().getNamespaceID().getValue()).isEqualTo("GOLDEN_EHR");
    assertThat(mdm.getMSH().getReceivingFacility().getNamespaceID().getValue()).isEqualTo("GOLDEN_PSYCH");
    assertThat(mdm.getEVN().getEventTypeCode().getValue()).isEqualTo("T02");
    assertThat(mdm.getEVN().getRecordedDateTime().getTime().getValue()).isEqualTo("20261121100000-0800");
    assertThat(mdm.getPID().getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo("GLD-1001");
    assertThat(mdm.getPV1().getPatientClass().getValue()).isEqualTo("O");
    assertThat(mdm.getPV1().getReferringDoctor(0).getIDNumber().getValue()).isEqualTo("1234567893");
    assertThat(mdm.getPV1().getReferringDoctor(0).getIdentifierTypeCode().getValue()).isEqualTo("NPI");
  }

  @Test
  void txaDescribesTheConsultDocument() throws Exception {
    TXA txa = ((MDM_T02) parse(SummaryMessages.mdmT02(summary()))).getTXA();
    assertThat(txa.getDocumentType().getValue()).isEqualTo("CN");
    assertThat(txa.getDocumentContentPresentation().getValue()).isEqualTo("AP");
    assertThat(txa.getActivityDateTime().getTime().getValue()).isEqualTo("20261120093000-0800");
    assertThat(txa.getOriginationDateTime().getTime().getValue()).isEqualTo("20261120110500-0800");
    assertThat(txa.getOriginatorCodeName(0).getFamilyName().getSurname().getValue()).isEqualTo("Lakes");
    assertThat(txa.getUniqueDocumentNumber().getEntityIdentifier().getValue()).isEqualTo("DOC-2026-0042");
    assertThat(txa.getUniqueDocumentNumber().getNamespaceID().getValue()).isEqualTo("REFERRALBRIDGE");
    assertThat(txa.getPlacerOrderNumber(0).getEntityIdentifier().getValue()).isEqualTo("GLD-REF-0001");
    assertThat(txa.getFillerOrderNumber().getEntityIdentifier().getValue()).isEqualTo("4711");
    assertThat(txa.getDocumentCompletionStatus().getValue()).isEqualTo("AU");
    assertThat(txa.getDocumentAvailabilityStatus().getValue()).isEqualTo("AV");
  }

  @Test
  void theEdObservationDecodesBackToTheExactPdfBytes() throws Exception {
    MDM_T02 mdm = (MDM_T02) parse(SummaryMessages.mdmT02(summary()));
    OBX obx = mdm.getOBSERVATION().getOBX();
    assertThat(obx.getValueType().getValue()).isEqualTo("ED");
    assertThat(obx.getObservationIdentifier().encode()).isEqualTo("11488-4^Consult note^LN");
    assertThat(obx.getObservationResultStatus().getValue()).isEqualTo("F");
    ED ed = (ED) obx.getObservationValue(0).getData();
    assertThat(ed.getTypeOfData().getValue()).isEqualTo("application");
    assertThat(ed.getDataSubtype().getValue()).isEqualTo("pdf");
    assertThat(ed.getEncoding().getValue()).isEqualTo("Base64");
    assertThat(Base64.getDecoder().decode(ed.getData().getValue())).isEqualTo(OutboundFixtures.pdf());
    assertThat(mdm.getOBSERVATION().getNTE(0).getComment(0).getValue())
        .isEqualTo("Ketamine infusion summary, session 1 of 6");
  }

  @Test
  void aLargeBinaryDocumentSurvivesEncodingByteForByte() throws Exception {
    byte[] pdf = new byte[300_000];
    new Random(42).nextBytes(pdf);
    for (int i = 0; i < 256; i++) {
      pdf[i] = (byte) i; // every byte value, the delimiters' and CR/LF's included
    }
    SummaryNotice base = summary();
    SummaryDocument d = base.document();
    SummaryNotice notice = new SummaryNotice(base.envelope(), base.patient(), base.referrer(), base.referral(),
        new SummaryDocument(d.id(), d.title(), d.author(), d.sessionTime(), d.authoredAt(), d.completion(), pdf),
        base.results(), base.notes());
    String encoded = SummaryMessages.mdmT02(notice);
    assertThat(encoded.split("\r")).hasSize(7);
    ED ed = (ED) ((MDM_T02) parse(encoded)).getOBSERVATION().getOBX().getObservationValue(0).getData();
    assertThat(Base64.getDecoder().decode(ed.getData().getValue())).isEqualTo(pdf);
  }

  @Test
  void obrLinksTheResultsToTheReferralAndTheDocument() throws Exception {
    ORU_R01 oru = (ORU_R01) parse(SummaryMessages.oruR01(summary()));
    assertThat(oru.getMSH().getMessageType().encode()).isEqualTo("ORU^R01^ORU_R01");
    assertThat(oru.getPATIENT_RESULT().getPATIENT().getVISIT().getPV1().getPatientClass().getValue()).isEqualTo("O");
    OBR obr = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
    assertThat(obr.getPlacerOrderNumber().encode()).isEqualTo("GLD-REF-0001^GOLDEN_EHR");
    assertThat(obr.getFillerOrderNumber().encode()).isEqualTo("DOC-2026-0042^REFERRALBRIDGE");
    assertThat(obr.getUniversalServiceIdentifier().encode())
        .isEqualTo("KETAMINE-INFUSION-SUMMARY^Ketamine infusion summary^L");
    assertThat(obr.getObservationDateTime().getTime().getValue()).isEqualTo("20261120093000-0800");
    assertThat(obr.getOrderingProvider(0).getIDNumber().getValue()).isEqualTo("1234567893");
    assertThat(obr.getResultsRptStatusChngDateTime().getTime().getValue()).isEqualTo("20261120110500-0800");
    assertThat(obr.getResultStatus().getValue()).isEqualTo("F");
  }

  @Test
  void thePlanForTheTherapistIsOneNtePerLineAfterTheObr() throws Exception {
    ORU_R01_ORDER_OBSERVATION order = ((ORU_R01) parse(SummaryMessages.oruR01(summary())))
        .getPATIENT_RESULT().getORDER_OBSERVATION();
    assertThat(order.getNTEAll()).extracting(nte -> nte.getComment(0).getValue())
        .containsExactly("Plan: session 2 on 2026-11-24.", "Continue sertraline; no change to therapy.");
  }

  @Test
  void everyResultIsAnObxWithItsCodeValueUnitAndTime() throws Exception {
    SummaryNotice notice = summary();
    ORU_R01_ORDER_OBSERVATION order = ((ORU_R01) parse(SummaryMessages.oruR01(notice)))
        .getPATIENT_RESULT().getORDER_OBSERVATION();
    List<Result> results = notice.results();
    assertThat(order.getOBSERVATIONReps()).isEqualTo(results.size());
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      OBX obx = order.getOBSERVATION(i).getOBX();
      assertThat(obx.getSetIDOBX().getValue()).isEqualTo(String.valueOf(i + 1));
      assertThat(obx.getValueType().getValue()).isEqualTo(result.type().name());
      assertThat(obx.getObservationIdentifier().getIdentifier().getValue()).isEqualTo(result.code().code());
      assertThat(obx.getObservationIdentifier().getNameOfCodingSystem().getValue()).isEqualTo(result.code().system());
      assertThat(obx.getObservationResultStatus().getValue()).isEqualTo("F");
      if (result.type() == Result.ValueType.NM) {
        assertThat(new BigDecimal(obx.getObservationValue(0).getData().encode())).isEqualByComparingTo(result.number());
        assertThat(obx.getUnits().getIdentifier().getValue()).isEqualTo(result.unit());
        assertThat(obx.getUnits().getNameOfCodingSystem().getValue()).isEqualTo("UCUM");
      }
    }
  }

  @Test
  void scoresDosesVitalsAndWeightCarryTheirLoincOrLocalCodesAndUcumUnits() throws Exception {
    ORU_R01_ORDER_OBSERVATION order = ((ORU_R01) parse(SummaryMessages.oruR01(summary())))
        .getPATIENT_RESULT().getORDER_OBSERVATION();
    assertThat(obx(order, 0).encode())
        .isEqualTo("OBX|1|NM|44261-6^PHQ-9 total score^LN||11|{score}^{score}^UCUM|0-27||||F|||20261120093000-0800");
    assertThat(obx(order, 7).getObservationIdentifier().getIdentifier().getValue()).isEqualTo("KETAMINE-DOSE-PER-KG");
    assertThat(obx(order, 7).getObservationValue(0).getData().encode()).isEqualTo("0.50");
    assertThat(obx(order, 7).getUnits().getIdentifier().getValue()).isEqualTo("mg/kg");
    assertThat(obx(order, 8).getUnits().getIdentifier().getValue()).isEqualTo("mm[Hg]");
    assertThat(obx(order, 13).getObservationIdentifier().getIdentifier().getValue()).isEqualTo("59408-5");
    assertThat(obx(order, 13).getUnits().getIdentifier().getValue()).isEqualTo("%");
    assertThat(obx(order, 5).getObservationIdentifier().getIdentifier().getValue()).isEqualTo("29463-7");
    assertThat(obx(order, 5).getUnits().getIdentifier().getValue()).isEqualTo("kg");
  }

  @Test
  void aCodeThatRepeatsIsToldApartByItsSubIdAndTime() throws Exception {
    ORU_R01_ORDER_OBSERVATION order = ((ORU_R01) parse(SummaryMessages.oruR01(summary())))
        .getPATIENT_RESULT().getORDER_OBSERVATION();
    OBX before = obx(order, 8);
    OBX during = obx(order, 10);
    assertThat(before.getObservationIdentifier().getIdentifier().getValue()).isEqualTo("8480-6");
    assertThat(during.getObservationIdentifier().getIdentifier().getValue()).isEqualTo("8480-6");
    assertThat(before.getObservationSubID().getValue()).isEqualTo("1");
    assertThat(during.getObservationSubID().getValue()).isEqualTo("2");
    assertThat(during.getAbnormalFlags(0).getValue()).isEqualTo("H");
    assertThat(during.getDateTimeOfTheObservation().getTime().getValue()).isEqualTo("20261120095000-0800");
    assertThat(obx(order, 0).getObservationSubID().getValue()).as("a code sent once has no sub-id").isNull();
  }

  @Test
  void textAndCodedResultsKeepTheirValueTypes() throws Exception {
    ORU_R01_ORDER_OBSERVATION order = ((ORU_R01) parse(SummaryMessages.oruR01(summary())))
        .getPATIENT_RESULT().getORDER_OBSERVATION();
    assertThat(obx(order, 15).getObservationValue(0).getData().encode()).isEqualTo("Mild nausea, resolved");
    CWE escort = (CWE) obx(order, 16).getObservationValue(0).getData();
    assertThat(escort.getIdentifier().getValue()).isEqualTo("373066001");
    assertThat(escort.getNameOfCodingSystem().getValue()).isEqualTo("SCT");
  }

  @Test
  void summaryWithoutResultsOrNotesIsStillAValidOru() throws Exception {
    SummaryNotice base = summary();
    SummaryNotice notice = new SummaryNotice(base.envelope(), base.patient(), null, base.referral(),
        base.document(), List.of(), null);
    String encoded = SummaryMessages.oruR01(notice);
    assertThat(encoded.split("\r")).extracting(s -> s.substring(0, 3)).containsExactly("MSH", "PID", "PV1", "OBR");
    ORU_R01 oru = (ORU_R01) parse(encoded);
    assertThat(oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR().getOrderingProvider(0).isEmpty()).isTrue();
  }

  private static OBX obx(ORU_R01_ORDER_OBSERVATION order, int index) throws Exception {
    return order.getOBSERVATION(index).getOBX();
  }
}
