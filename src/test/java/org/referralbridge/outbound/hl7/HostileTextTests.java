package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.outbound.hl7.OutboundFixtures.accepted;
import static org.referralbridge.outbound.hl7.OutboundFixtures.parse;
import static org.referralbridge.outbound.hl7.OutboundFixtures.summary;

import ca.uhn.hl7v2.model.v251.datatype.XPN;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.message.RRI_I12;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.Ucum;

/**
 * Text that contains the delimiters (| ^ ~ \ &amp;), line breaks, HL7 formatting and hex sequences, or MLLP framing
 * bytes is escaped by HAPI's encoder, never changes the message's structure, and a standard parser reads back the
 * value that was written. Line breaks in notes become separate NTEs; in single-line fields (names, ids) a control
 * character becomes a space.
 */
class HostileTextTests {

  private static final String DELIMITERS = "O'Brien|Evil^Comp~Rep\\Esc&Sub";
  /** Formatting and hex sequences HAPI's default escaping would pass through raw, the field separator with them. */
  private static final String INJECTION = "\\.br\\ \\X0D\\ \\.|PID|1||INJECTED\\ \\H\\bold\\N\\";
  private static final String NOTE = "Line one | with ^ and ~ and \\ and &\r\nLine two\rLine three " + INJECTION
      + "\nMSH|^~\\&|FAKE";

  @Test
  void delimitersAndEscapeLookalikesInNamesAreEscapedAndReadBackExactly() throws Exception {
    String encoded = ReferralStatusMessages.rri(withPatientName(
        new PersonName(DELIMITERS, INJECTION, "Middle", null, null, null)));
    assertSameStructureAs(encoded, ReferralStatusMessages.rri(accepted()));
    assertThat(encoded).contains("O'Brien\\F\\Evil\\S\\Comp\\R\\Rep\\E\\Esc\\T\\Sub")
        .contains("\\E\\.br\\E\\")
        .doesNotContain("|INJECTED");
    XPN name = ((RRI_I12) parse(encoded)).getPID().getPatientName(0);
    assertThat(name.getFamilyName().getSurname().getValue()).isEqualTo(DELIMITERS);
    assertThat(name.getGivenName().getValue()).isEqualTo(INJECTION);
    assertThat(name.getSecondAndFurtherGivenNamesOrInitialsThereof().getValue()).isEqualTo("Middle");
  }

  @Test
  void lineBreaksAndFramingBytesInANameBecomeSpaces() throws Exception {
    String encoded = ReferralStatusMessages.rri(withPatientName(
        PersonName.of("Quill\r\nPID|2", "Mor\u000Bgan\u001C")));
    assertSameStructureAs(encoded, ReferralStatusMessages.rri(accepted()));
    assertThat(encoded).doesNotContain("\n").doesNotContain("\u000B").doesNotContain("\u001C");
    XPN name = ((RRI_I12) parse(encoded)).getPID().getPatientName(0);
    assertThat(name.getFamilyName().getSurname().getValue()).isEqualTo("Quill  PID|2");
    assertThat(name.getGivenName().getValue()).isEqualTo("Mor gan ");
  }

  @Test
  void aHostileCommentBecomesOneNtePerLineThatReadsBackToTheSameText() throws Exception {
    StatusNotice base = accepted();
    StatusNotice notice = new StatusNotice(base.envelope(), base.originalControlId(), base.referral(),
        base.status(), base.priority(), NOTE, base.scheduledStart(), base.clinic(), base.referrer(), base.patient());
    String encoded = ReferralStatusMessages.rri(notice);
    assertThat(encoded).doesNotContain("\n").doesNotContain("\rMSH|").doesNotContain("|INJECTED");
    assertThat(segmentNames(encoded))
        .containsExactly("MSH", "MSA", "RF1", "PRD", "PRD", "PID", "PV1", "PV2", "NTE", "NTE", "NTE", "NTE");
    RRI_I12 rri = (RRI_I12) parse(encoded);
    assertThat(joined(rri.getNTEAll())).isEqualTo(NOTE.replace("\r\n", "\n").replace('\r', '\n'));
  }

  @Test
  void hostileIdsTitlesNotesAndTextResultsInTheSummariesReadBackExactly() throws Exception {
    SummaryNotice base = summary();
    SummaryDocument d = base.document();
    AssignedId hostileId = AssignedId.of("REF|1^2~3", "APP&X");
    SummaryNotice notice = new SummaryNotice(base.envelope(), base.patient(), base.referrer(),
        new ReferralIds(hostileId, null),
        new SummaryDocument("DOC\\1", DELIMITERS, d.author(), d.sessionTime(), d.authoredAt(), d.completion(),
            d.pdf()),
        List.of(Result.text(new Code("NOTE|X", "Note ^ text", OutboundCodes.LOCAL), INJECTION, null),
            Result.quantity(Code.loinc(Loinc.HEART_RATE), new BigDecimal("70"), Ucum.PER_MIN, null)),
        NOTE);

    String mdmText = SummaryMessages.mdmT02(notice);
    assertThat(segmentNames(mdmText)).containsExactly("MSH", "EVN", "PID", "PV1", "TXA", "OBX", "NTE");
    MDM_T02 mdm = (MDM_T02) parse(mdmText);
    assertThat(mdm.getTXA().getPlacerOrderNumber(0).getEntityIdentifier().getValue()).isEqualTo("REF|1^2~3");
    assertThat(mdm.getTXA().getPlacerOrderNumber(0).getNamespaceID().getValue()).isEqualTo("APP&X");
    assertThat(mdm.getTXA().getUniqueDocumentNumber().getEntityIdentifier().getValue()).isEqualTo("DOC\\1");
    assertThat(mdm.getOBSERVATION().getNTE(0).getComment(0).getValue()).isEqualTo(DELIMITERS);

    String oruText = SummaryMessages.oruR01(notice);
    assertThat(segmentNames(oruText))
        .containsExactly("MSH", "PID", "PV1", "OBR", "NTE", "NTE", "NTE", "NTE", "OBX", "OBX");
    ORU_R01 oru = (ORU_R01) parse(oruText);
    var order = oru.getPATIENT_RESULT().getORDER_OBSERVATION();
    assertThat(order.getOBR().getPlacerOrderNumber().getEntityIdentifier().getValue()).isEqualTo("REF|1^2~3");
    assertThat(joined(order.getNTEAll())).isEqualTo(NOTE.replace("\r\n", "\n").replace('\r', '\n'));
    var obx = order.getOBSERVATION(0).getOBX();
    assertThat(obx.getObservationIdentifier().getIdentifier().getValue()).isEqualTo("NOTE|X");
    assertThat(obx.getObservationIdentifier().getText().getValue()).isEqualTo("Note ^ text");
    assertThat(obx.getObservationValue(0).getData().toString()).isEqualTo(INJECTION);
  }

  @Test
  void theEscapingEscapesEveryDelimiterAndLeavesNoFormattingSequenceRaw() {
    EncodingCharacters encoding = new EncodingCharacters('|', "^~\\&");
    StrictEscaping escaping = new StrictEscaping();
    assertThat(escaping.escape("a|b^c~d\\e&f", encoding)).isEqualTo("a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f");
    assertThat(escaping.escape("\\.br\\", encoding)).isEqualTo("\\E\\.br\\E\\");
    assertThat(escaping.escape("x\r\ny\tz", encoding)).isEqualTo("x  y z");
    assertThat(escaping.unescape(escaping.escape(INJECTION, encoding), encoding)).isEqualTo(INJECTION);
  }

  private static StatusNotice withPatientName(PersonName name) {
    StatusNotice base = accepted();
    PatientDetails patient = new PatientDetails(base.patient().identifiers(), name, base.patient().birthDate(),
        base.patient().sex());
    return new StatusNotice(base.envelope(), base.originalControlId(), base.referral(), base.status(),
        base.priority(), base.comment(), base.scheduledStart(), base.clinic(), base.referrer(), patient);
  }

  private static void assertSameStructureAs(String encoded, String reference) {
    assertThat(segmentNames(encoded)).isEqualTo(segmentNames(reference));
    String[] segments = encoded.split("\r");
    String[] expected = reference.split("\r");
    for (int i = 0; i < segments.length; i++) {
      assertThat(fieldCount(segments[i])).as(segments[i].substring(0, 3) + " field count")
          .isEqualTo(fieldCount(expected[i]));
    }
  }

  private static long fieldCount(String segment) {
    return segment.chars().filter(c -> c == '|').count();
  }

  private static List<String> segmentNames(String encoded) {
    return Arrays.stream(encoded.split("\r")).map(segment -> segment.substring(0, 3)).toList();
  }

  private static String joined(List<NTE> notes) {
    return notes.stream().map(nte -> {
      String value = nte.getComment(0).getValue();
      return value == null ? "" : value;
    }).collect(Collectors.joining("\n"));
  }
}
