package org.referralbridge.intake;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.referralbridge.intake.PipelinedFrameReader.Frame;

/** Where {@link PipelinedFrameReader} finds the first complete frame among the bytes it has read. */
class PipelinedFrameReaderTests {

  @Test
  void theFirstOfSeveralFramesEndsAfterItsCarriageReturn() {
    byte[] bytes = bytes("\u000bMSH|1\u001c\r\u000bMSH|2\u001c\r");
    Frame frame = Frame.first(bytes, true);
    assertThat(content(bytes, frame)).isEqualTo("MSH|1");
    assertThat(frame.skippedBefore()).isZero();
    assertThat(frame.end()).isEqualTo(8);
  }

  @Test
  void bytesWithoutAFrameEndOrWithoutTheRequiredCarriageReturnHoldNoFrame() {
    assertThat(Frame.first(bytes(""), true)).isNull();
    assertThat(Frame.first(bytes("no start byte\u001c\r"), true)).isNull();
    assertThat(Frame.first(bytes("\u000bMSH|1 and more to come"), true)).isNull();
    assertThat(Frame.first(bytes("\u000bMSH|1\u001c"), true)).isNull();
    assertThat(Frame.first(bytes("\u000bMSH|1\u001c"), false)).isNotNull();
  }

  @Test
  void junkHoldingStartOfBlockBytesBeforeAFrameIsNotPartOfIt() {
    byte[] bytes = bytes("junk\u000bmore\u000bjunk\u000bMSH|2\u001c\r\n");
    Frame frame = Frame.first(bytes, true);
    assertThat(content(bytes, frame)).isEqualTo("MSH|2");
    assertThat(frame.skippedBefore()).isEqualTo(14);
    assertThat(frame.end()).isEqualTo(bytes.length - 1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(US_ASCII);
  }

  private static String content(byte[] bytes, Frame frame) {
    return new String(bytes, frame.payloadStart(), frame.payloadEnd() - frame.payloadStart(), US_ASCII);
  }

  @Test
  void payloadsShorterThanFourBytesArePaddedWithCarriageReturnsAndLongerOnesPassUnchanged() {
    assertThat(PipelinedFrameReader.answerable(new byte[0])).containsExactly('\r', '\r', '\r', '\r');
    assertThat(PipelinedFrameReader.answerable("MSH".getBytes(US_ASCII)))
        .containsExactly('M', 'S', 'H', '\r');
    byte[] header = "MSH|".getBytes(US_ASCII);
    assertThat(PipelinedFrameReader.answerable(header)).isSameAs(header);
  }
}
