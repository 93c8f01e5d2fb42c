package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageFingerprintTests {

  private static final String PID = "PID|1||MRN1^^^PSYCH^MR||Doe^Jane||19800101|F";
  private static final String RF1 = "RF1|A^Accepted^HL70283|R^Routine^HL70280|||ME^Medical^HL70282|REF-1";

  private static String message(String time, String controlId, String rf1) {
    return "MSH|^~\\&|EHR|PSYCH|RB|KETA|" + time + "||REF^I12^REF_I12|" + controlId + "|P|2.5.1\r" + PID + "\r"
        + rf1 + "\r";
  }

  @Test
  void isSha256InHex() {
    assertThat(MessageFingerprint.of(message("20261206101500", "42", RF1))).matches("[0-9a-f]{64}");
  }

  @Test
  void aResendStampedWithANewMessageTimeIsTheSameMessage() {
    assertThat(MessageFingerprint.of(message("20261206101500", "42", RF1)))
        .isEqualTo(MessageFingerprint.of(message("20261207083000+0100", "42", RF1)));
  }

  @Test
  void aResendWithOtherLineEndingsOrAByteOrderMarkIsTheSameMessage() {
    String original = message("20261206101500", "42", RF1);
    assertThat(MessageFingerprint.of("\uFEFF" + original.replace("\r", "\r\n") + "\n"))
        .isEqualTo(MessageFingerprint.of(original));
  }

  @Test
  void anyOtherDifferenceIsAnotherMessage() {
    String original = MessageFingerprint.of(message("20261206101500", "42", RF1));
    assertThat(MessageFingerprint.of(message("20261206101500", "42", RF1.replace("REF-1", "REF-2"))))
        .isNotEqualTo(original);
    assertThat(MessageFingerprint.of(message("20261206101500", "43", RF1))).isNotEqualTo(original);
    assertThat(MessageFingerprint.of(message("20261206101500", "42", RF1).replace("REF^I12", "REF^I14")))
        .isNotEqualTo(original);
  }

  @Test
  void onlyMsh7IsLeftOutNotTheFieldsAroundIt() {
    assertThat(MessageFingerprint.withoutMessageTime("MSH|^~\\&|A|B|C|D|20261206||REF^I12|42\rPID|1"))
        .isEqualTo("MSH|^~\\&|A|B|C|D|||REF^I12|42\rPID|1");
    assertThat(MessageFingerprint.withoutMessageTime("MSH#^~\\&#A#B#C#D#2026#X"))
        .isEqualTo("MSH#^~\\&#A#B#C#D##X");
  }

  @Test
  void textThatIsNoMessageIsFingerprintedAsItIs() {
    assertThat(MessageFingerprint.withoutMessageTime("MSH|short")).isEqualTo("MSH|short");
    assertThat(MessageFingerprint.withoutMessageTime("not hl7")).isEqualTo("not hl7");
    assertThat(MessageFingerprint.of(null)).isEqualTo(MessageFingerprint.of(""));
  }
}
