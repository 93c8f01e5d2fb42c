package org.referralbridge.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Er7TextTests {

  private static final String MSH = "MSH|^~\\&|EHR|PSYCH|RB|KETA|20261206||REF^I12^REF_I12|42|P|2.5.1";
  private static final String PID = "PID|1||MRN1^^^PSYCH^MR||Müller-Łukasiewicz^Zoë||19800101|F";

  /** What the MLLP consumer makes of UTF-8 bytes when it decodes them as ISO-8859-1 (no MSH-18). */
  private static String readAsLatin1(String utf8Text) {
    return new String(utf8Text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void utf8WithoutMsh18ThatWasReadAsLatin1IsReadAgainAsUtf8() {
    String received = readAsLatin1(MSH + "\r" + PID);
    assertThat(received).contains("MÃ¼ller");

    assertThat(Er7Text.segments(received)).isEqualTo(MSH + "\r" + PID);
  }

  @Test
  void latin1TextStaysAsItIs() {
    // "Müller" in ISO-8859-1 is the single byte 0xFC for ü: not well-formed UTF-8
    String latin1 = MSH + "\rPID|1||MRN1^^^PSYCH^MR||Müller^Zoë||19800101|F";
    assertThat(Er7Text.segments(latin1)).isEqualTo(latin1);
  }

  @Test
  void aDeclaredCharacterSetIsTakenAtItsWord() {
    String declared = MSH + "||||||8859/1\r" + PID;
    String received = readAsLatin1(declared);

    assertThat(Er7Text.segments(received)).isEqualTo(received);
  }

  @Test
  void asciiAndTextAlreadyDecodedAsUtf8AreUntouched() {
    String ascii = MSH + "\rPID|1||MRN1^^^PSYCH^MR||Mueller^Zoe||19800101|F";
    assertThat(Er7Text.utf8ReadAsLatin1(ascii)).isSameAs(ascii);
    String decoded = MSH + "\r" + PID;
    assertThat(Er7Text.utf8ReadAsLatin1(decoded)).isSameAs(decoded);
  }
}
