package org.referralbridge.outbound.hl7;

import static org.referralbridge.outbound.hl7.Hl7Writer.set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.datatype.CWE;
import ca.uhn.hl7v2.model.v251.datatype.ED;
import ca.uhn.hl7v2.model.v251.datatype.NM;
import ca.uhn.hl7v2.model.v251.datatype.ST;
import ca.uhn.hl7v2.model.v251.group.MDM_T02_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.referralbridge.vocabulary.Loinc;

/**
 * The two messages of an infusion summary for the referrer.
 *
 * <pre>
 * MDM^T02 (original document notification and content)
 *   MSH, EVN (T02, recorded = message time), PID, PV1 (class O, PV1-8 referrer)
 *   TXA  TXA-2 CN consult, TXA-3 AP, TXA-4 session time, TXA-6 authored, TXA-9 author, TXA-12 document id,
 *        TXA-14 the referrer's referral id, TXA-15 the clinic's, TXA-17 AU|LA, TXA-19 AV
 *   OBX  ED, OBX-3 LOINC 11488-4 Consult note, OBX-5 ^application^pdf^Base64^&lt;the PDF&gt;, F
 *   NTE  the document's title
 *
 * ORU^R01 (structured results)
 *   MSH, PID, PV1 (class O, PV1-8 referrer)
 *   OBR  OBR-2 the referrer's referral id, OBR-3 document id, OBR-4 KETAMINE-INFUSION-SUMMARY (local),
 *        OBR-7 session time, OBR-16 referrer, OBR-22 authored, OBR-25 F
 *   NTE  plan and notes for the therapist, one per line
 *   OBX  one per result: NM|ST|CWE, code, OBX-4 sub-id when a code repeats (vitals before/during/after),
 *        value, UCUM unit, range, flag, F, OBX-14 effective time
 * </pre>
 */
public final class SummaryMessages {

  private SummaryMessages() {}

  /**
   * The MDM^T02 carrying the summary PDF, pipe-encoded.
   *
   * @throws OutboundMessageException if HAPI refuses a value
   */
  public static String mdmT02(SummaryNotice notice) {
    try {
      return Hl7Writer.encode(buildMdm(notice));
    } catch (HL7Exception e) {
      throw new OutboundMessageException("MDM^T02 could not be built: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The ORU^R01 carrying the summary's structured results, pipe-encoded.
   *
   * @throws OutboundMessageException if HAPI refuses a value
   */
  public static String oruR01(SummaryNotice notice) {
    try {
      return Hl7Writer.encode(buildOru(notice));
    } catch (HL7Exception e) {
      throw new OutboundMessageException("ORU^R01 could not be built: " + e.getClass().getSimpleName(), e);
    }
  }

  static MDM_T02 buildMdm(SummaryNotice notice) throws HL7Exception {
    MDM_T02 message = Hl7Writer.newMessage(MDM_T02::new);
    Envelope envelope = notice.envelope();
    ZoneId zone = envelope.zone();
    SummaryDocument document = notice.document();
    Hl7Writer.header(message.getMSH(), envelope, "MDM", "T02", "MDM_T02");
    set(message.getEVN().getEventTypeCode(), "T02");
    set(message.getEVN().getRecordedDateTime().getTime(), Hl7Writer.dtm(envelope.time(), zone));
    Hl7Writer.patient(message.getPID(), notice.patient());
    Hl7Writer.outpatientVisit(message.getPV1(), notice.referrer());

    TXA txa = message.getTXA();
    set(txa.getSetIDTXA(), "1");
    set(txa.getDocumentType(), OutboundCodes.DOCUMENT_TYPE_CONSULT);
    set(txa.getDocumentContentPresentation(), OutboundCodes.PRESENTATION_APPLICATION);
    set(txa.getActivityDateTime().getTime(), Hl7Writer.dtm(document.sessionTime(), zone));
    set(txa.getOriginationDateTime().getTime(), Hl7Writer.dtm(document.authoredAt(), zone));
    if (document.author() != null) {
      Hl7Writer.person(txa.getOriginatorCodeName(0), document.author());
    }
    Hl7Writer.ei(txa.getUniqueDocumentNumber(), documentId(notice));
    Hl7Writer.ei(txa.getPlacerOrderNumber(0), notice.referral().originating());
    if (notice.referral().clinic() != null) {
      Hl7Writer.ei(txa.getFillerOrderNumber(), notice.referral().clinic());
    }
    set(txa.getDocumentCompletionStatus(), document.completion().code());
    set(txa.getDocumentAvailabilityStatus(), OutboundCodes.AVAILABILITY_AVAILABLE);

    MDM_T02_OBSERVATION observation = message.getOBSERVATION();
    OBX obx = observation.getOBX();
    set(obx.getSetIDOBX(), "1");
    set(obx.getValueType(), "ED");
    Hl7Writer.ce(obx.getObservationIdentifier(), Code.loinc(Loinc.CONSULT_NOTE));
    ED ed = new ED(message);
    set(ed.getTypeOfData(), OutboundCodes.ED_TYPE_APPLICATION);
    set(ed.getDataSubtype(), OutboundCodes.ED_SUBTYPE_PDF);
    set(ed.getEncoding(), OutboundCodes.ED_ENCODING_BASE64);
    set(ed.getData(), Base64.getEncoder().encodeToString(document.pdf()));
    obx.getObservationValue(0).setData(ed);
    set(obx.getObservationResultStatus(), OutboundCodes.RESULT_FINAL);
    set(obx.getDateTimeOfTheObservation().getTime(), Hl7Writer.dtm(document.sessionTime(), zone));
    Hl7Writer.notes(document.title(), observation::getNTE);
    return message;
  }

  static ORU_R01 buildOru(SummaryNotice notice) throws HL7Exception {
    ORU_R01 message = Hl7Writer.newMessage(ORU_R01::new);
    Envelope envelope = notice.envelope();
    ZoneId zone = envelope.zone();
    SummaryDocument document = notice.document();
    Hl7Writer.header(message.getMSH(), envelope, "ORU", "R01", "ORU_R01");
    ORU_R01_PATIENT_RESULT patientResult = message.getPATIENT_RESULT();
    Hl7Writer.patient(patientResult.getPATIENT().getPID(), notice.patient());
    Hl7Writer.outpatientVisit(patientResult.getPATIENT().getVISIT().getPV1(), notice.referrer());

    ORU_R01_ORDER_OBSERVATION order = patientResult.getORDER_OBSERVATION();
    OBR obr = order.getOBR();
    set(obr.getSetIDOBR(), "1");
    Hl7Writer.ei(obr.getPlacerOrderNumber(), notice.referral().originating());
    Hl7Writer.ei(obr.getFillerOrderNumber(), documentId(notice));
    Hl7Writer.ce(obr.getUniversalServiceIdentifier(), OutboundCodes.INFUSION_SUMMARY);
    set(obr.getObservationDateTime().getTime(), Hl7Writer.dtm(document.sessionTime(), zone));
    if (notice.referrer() != null) {
      Hl7Writer.provider(obr.getOrderingProvider(0), notice.referrer());
    }
    set(obr.getResultsRptStatusChngDateTime().getTime(), Hl7Writer.dtm(document.authoredAt(), zone));
    set(obr.getResultStatus(), OutboundCodes.RESULT_FINAL);
    Hl7Writer.notes(notice.notes(), order::getNTE);

    List<Result> results = notice.results();
    Map<Code, Integer> occurrences = new HashMap<>();
    results.forEach(result -> occurrences.merge(result.code(), 1, Integer::sum));
    Map<Code, Integer> seen = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      OBX obx = order.getOBSERVATION(i).getOBX();
      set(obx.getSetIDOBX(), String.valueOf(i + 1));
      set(obx.getValueType(), result.type().name());
      Hl7Writer.ce(obx.getObservationIdentifier(), result.code());
      int occurrence = seen.merge(result.code(), 1, Integer::sum);
      if (occurrences.get(result.code()) > 1) {
        set(obx.getObservationSubID(), String.valueOf(occurrence));
      }
      value(obx, result, message);
      if (result.unit() != null) {
        Hl7Writer.ce(obx.getUnits(), new Code(result.unit(), result.unit(), OutboundCodes.UCUM));
      }
      set(obx.getReferencesRange(), result.referenceRange());
      if (result.abnormalFlag() != null) {
        set(obx.getAbnormalFlags(0), result.abnormalFlag());
      }
      set(obx.getObservationResultStatus(), OutboundCodes.RESULT_FINAL);
      if (result.effective() != null) {
        set(obx.getDateTimeOfTheObservation().getTime(), Hl7Writer.dtm(result.effective(), zone));
      }
    }
    return message;
  }

  private static void value(OBX obx, Result result, ORU_R01 message) throws HL7Exception {
    switch (result.type()) {
      case NM -> {
        NM nm = new NM(message);
        nm.setValue(result.number().toPlainString());
        obx.getObservationValue(0).setData(nm);
      }
      case ST -> {
        ST st = new ST(message);
        st.setValue(result.text());
        obx.getObservationValue(0).setData(st);
      }
      case CWE -> {
        CWE cwe = new CWE(message);
        set(cwe.getIdentifier(), result.coded().code());
        set(cwe.getText(), result.coded().display());
        set(cwe.getNameOfCodingSystem(), result.coded().system());
        obx.getObservationValue(0).setData(cwe);
      }
    }
  }

  /** TXA-12 / OBR-3: the document id, assigned by this service's application. */
  private static AssignedId documentId(SummaryNotice notice) {
    return AssignedId.of(notice.document().id(), notice.envelope().sender().application());
  }
}
