package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Er7MessageTests {

  private static final String MESSAGE = "MSH|^~\\&|APP|FAC|||20261120||REF^I12|C1|P|2.5.1\r"
      + "PID|1||ID-1^^^AUTH&1.2.3&ISO^MR~ID-2^^^OTHER^PI||Doe^Alex\r";

  @Test
  void mshFieldsCountTheFieldSeparatorAsMsh1() {
    Er7Message m = Er7Message.parse("t", MESSAGE);
    assertThat(m.get(0, "MSH-9.2")).isEqualTo("I12");
    assertThat(m.get(0, "MSH-12")).isEqualTo("2.5.1");
  }

  @Test
  void readsRepetitionsComponentsAndSubComponents() {
    Er7Message m = Er7Message.parse("t", MESSAGE);
    assertThat(m.get(1, "PID-3.4.2")).isEqualTo("1.2.3");
    assertThat(m.get(1, FieldPath.parse("PID-3.1").inRepetition(1))).isEqualTo("ID-2");
    assertThat(m.get(1, "PID-22")).isEmpty();
  }

  @Test
  void setsAPartAndGrowsTheSegment() {
    Er7Message m = Er7Message.parse("t", MESSAGE);
    m.set(1, "PID-3.4.2", "1.2..3");
    m.set(1, "PID-8", "F~M");
    m.set(1, "PID-11.7", "Home");
    assertThat(m.segment(1)).isEqualTo(
        "PID|1||ID-1^^^AUTH&1.2..3&ISO^MR~ID-2^^^OTHER^PI||Doe^Alex|||F~M|||^^^^^^Home");
  }

  @Test
  void writesInTheMessagesOwnDelimiters() {
    Er7Message m = Er7Message.parse("t", MESSAGE.replace("|", "#").replace("^", "*"));
    m.set(1, "PID-8", "F^Female");
    assertThat(m.segment(1)).endsWith("#F*Female");
    assertThat(m.render()).endsWith("\r").doesNotContain("\n");
  }
}
