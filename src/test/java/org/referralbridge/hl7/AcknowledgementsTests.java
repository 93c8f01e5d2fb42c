package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.Acknowledgements.Nak;

class AcknowledgementsTests {

  private static final String REF_251 = "MSH|^~\\&|EHR|CLINIC|RB|KETA|20261121||REF^I12^REF_I12|C-1|P|2.5.1\r"
      + "RF1|P|R\rPID|1||1^^^A^MR\r";
  private static final String REF_23 = "MSH|^~\\&|OLD|PRACTICE|RB|KETA|20261121||REF^I11|C-23|P|2.3\rPID|1\r";

  private static final String ORU_251 = "MSH|^~\\&|EHR|CLINIC|RB|KETA|20261121||ORU^R01^ORU_R01|R-7|P|2.5.1|||al|er\r"
      + "PID|1||1^^^A^MR\r";

  private final Acknowledgements acknowledgements = new Acknowledgements(new ApplicationId("RB", "KETA"));

  @Test
  void acceptAckEchoesTheControlIdAndSwapsSenderAndReceiver() throws Exception {
    Terser ack = parse(acknowledgements.accepted(REF_251));
    assertThat(ack.get("/MSH-3")).isEqualTo("RB");
    assertThat(ack.get("/MSH-5")).isEqualTo("EHR");
    assertThat(ack.get("/MSH-6")).isEqualTo("CLINIC");
    assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("/MSH-9-2")).isEqualTo("I12");
    assertThat(ack.get("/MSH-12")).isEqualTo("2.5.1");
    assertThat(ack.get("/MSA-1")).isEqualTo("AA");
    assertThat(ack.get("/MSA-2")).isEqualTo("C-1");
  }

  @Test
  void rejectionCarriesTheTable0357CodeAndLocationInErrForVersionsFrom25() throws Exception {
    String nak = acknowledgements.rejected(REF_251,
        new Nak("AE", 101, "PID-3", "patient identifier missing"));
    Terser ack = parse(nak);
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/MSA-2")).isEqualTo("C-1");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("3");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("101");
    assertThat(ack.get("/ERR-3-3")).isEqualTo("HL70357");
    assertThat(ack.get("/ERR-4")).isEqualTo("E");
    assertThat(ack.get("/ERR-8")).isEqualTo("patient identifier missing");
  }

  @Test
  void olderVersionsGetTheErr1LayoutAndMsa3Text() throws Exception {
    String nak = acknowledgements.rejected(REF_23, new Nak("AR", 203, "MSH-12", "unsupported"));
    assertThat(nak).contains("MSH|^~\\&|RB|KETA|OLD|PRACTICE|").contains("|ACK^I11|").contains("|P|2.3\r");
    assertThat(nak).contains("MSA|AR|C-23|unsupported\r");
    assertThat(nak).contains("ERR|MSH^1^12^203&Unsupported version id&HL70357\r");
  }

  @Test
  void aMessageWithoutUsableHeaderStillGetsAWellFormedNak() throws Exception {
    String nak = acknowledgements.rejected("\u0000garbage",
        new Nak("AR", 100, "MSH", "message does not start with an MSH segment"));
    Terser ack = parse(nak);
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isNull();
    assertThat(ack.get("/ERR-3-1")).isEqualTo("100");
  }

  @Test
  void delimitersAndLineBreaksInEchoedValuesAreEscaped() {
    String inbound = "MSH|^~\\&|A^B|F&G|RB|KETA|20261121||REF^I12|X~Y\\Z|P|2.5.1\r";
    String nak = acknowledgements.rejected(inbound,
        new Nak("AR", 100, null, "bad|text^with\rbreaks"));
    String[] segments = nak.split("\r");
    assertThat(segments).hasSize(3);
    assertThat(segments[1]).startsWith("MSA|AR|X\\R\\Y\\E\\Z|");
    assertThat(segments[2]).endsWith("bad\\F\\text\\S\\with breaks");
  }

  @Test
  void anApplicationAcknowledgementIsAnEnhancedModeMessageOfItsOwnWithTheGivenControlId() throws Exception {
    Terser ack = parse(acknowledgements.application(ORU_251, "RB-APP-1", null));
    assertThat(ack.get("/MSH-3")).isEqualTo("RB");
    assertThat(ack.get("/MSH-5")).isEqualTo("EHR");
    assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("/MSH-9-2")).isEqualTo("R01");
    assertThat(ack.get("/MSH-10")).isEqualTo("RB-APP-1");
    assertThat(ack.get("/MSH-15")).as("asks the sender for a commit ACK").isEqualTo("AL");
    assertThat(ack.get("/MSH-16")).as("no application ACK of an ACK").isEqualTo("NE");
    assertThat(ack.get("/MSA-1")).isEqualTo("AA");
    assertThat(ack.get("/MSA-2")).isEqualTo("R-7");
  }

  @Test
  void anApplicationNakSaysWhyInErr() throws Exception {
    Terser ack = parse(acknowledgements.application(ORU_251, "RB-APP-2",
        new Nak("AE", 204, "PID-3", "no open referral for the patient")));
    assertThat(ack.get("/MSH-10")).isEqualTo("RB-APP-2");
    assertThat(ack.get("/MSH-15")).isEqualTo("AL");
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/MSA-2")).isEqualTo("R-7");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("204");
    assertThat(ack.get("/ERR-3-2")).isEqualTo("Unknown key identifier");
    assertThat(ack.get("/ERR-8")).isEqualTo("no open referral for the patient");
  }

  @Test
  void theMsh16OfTheInboundMessageIsReadUpperCased() {
    assertThat(MshHeader.read(ORU_251).orElseThrow().applicationAckType()).isEqualTo("ER");
    assertThat(MshHeader.read(REF_251).orElseThrow().applicationAckType()).isNull();
  }

  private static Terser parse(String ack) throws Exception {
    try (HapiContext context = new DefaultHapiContext(new GenericModelClassFactory())) {
      context.setValidationContext(ValidationContextFactory.noValidation());
      Message message = context.getPipeParser().parse(ack);
      return new Terser(message);
    }
  }
}
