package org.referralbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTests {

  @Test
  void nulBecomesTheReplacementCharacterBecausePostgresRefusesIt() {
    assertThat(MessageStore.storable("MSH|^~\\&|A\u0000B")).isEqualTo("MSH|^~\\&|A\uFFFDB");
  }

  @Test
  void otherTextIsKeptAsItIs() {
    String text = "PID|1||x\r\u00e9\u60a3\u8005\t";
    assertThat(MessageStore.storable(text)).isSameAs(text);
    assertThat(MessageStore.storable(null)).isNull();
  }
}
