package org.referralbridge.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.TestPorts;

/**
 * The project's MLLP component over real sockets, with a route set up as the intake's ({@code autoAck=false}, the
 * ACK given by the route, echoing MSH-10): frames a sender pipelines are each passed on once and answered in order.
 */
class PipelinedMllpFramesTests {

  private static final String VT = "\u000b";
  private static final String END = "\u001c\r";

  private final List<String> received = new CopyOnWriteArrayList<>();
  private CamelContext camel;
  private int port;

  @BeforeEach
  void startListener() throws Exception {
    port = TestPorts.freePort();
    ResettingMllpComponent mllp = new ResettingMllpComponent();
    mllp.setLogPhi(false);
    camel = new DefaultCamelContext();
    camel.addComponent("mllp", mllp);
    camel.addRoutes(new RouteBuilder() {
      @Override
      public void configure() {
        from("mllp:127.0.0.1:" + port + "?autoAck=false&stringPayload=true&validatePayload=false&hl7Headers=false")
            .process(exchange -> {
              String message = exchange.getIn().getBody(String.class);
              received.add(message);
              String[] msh = message.split("\r", -1)[0].split("\\|", -1);
              // a payload without MSH-10 is refused, as the service's intake does
              String code = msh.length > 9 ? "AA" : "AR";
              String controlId = msh.length > 9 ? msh[9] : "";
              exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING,
                  "MSH|^~\\&|RB|KETA|EHR|CLINIC|20260101||ACK|A-" + controlId + "|P|2.5.1\rMSA|" + code + "|"
                      + controlId + "\r");
            });
      }
    });
    camel.start();
  }

  @AfterEach
  void stopListener() {
    camel.stop();
  }

  @Test
  void threeFramesAsTheFirstWriteOfAConnectionAreEachAnsweredInOrder() throws Exception {
    try (Connection connection = new Connection()) {
      connection.write(frame("C-1") + frame("C-2") + frame("C-3"));
      connection.expectAcks("C-1", "C-2", "C-3");
    }
    assertThat(received).containsExactly(message("C-1"), message("C-2"), message("C-3"));
  }

  @Test
  void framesShorterThanFourBytesAreAnsweredAndTheConnectionStaysOpen() throws Exception {
    try (Connection connection = new Connection()) {
      for (String shortPayload : List.of("MSH", "", "X", "MS")) {
        connection.write(VT + shortPayload + END);
        assertThat(connection.readAck()).as("the answer to \"" + shortPayload + "\"").contains("MSA|AR|\r");
      }
      connection.write(frame("C-1"));
      connection.expectAcks("C-1");
    }
    // each went to the route with CRs up to four bytes; the message after them as sent
    assertThat(received).containsExactly("MSH\r", "\r\r\r\r", "X\r\r\r", "MS\r\r", message("C-1"));
  }

  @Test
  void threeFramesInOneLaterWriteAreEachAnsweredInOrder() throws Exception {
    try (Connection connection = new Connection()) {
      connection.write(frame("C-0"));
      connection.expectAcks("C-0");
      connection.write(frame("C-1") + frame("C-2") + frame("C-3"));
      connection.expectAcks("C-1", "C-2", "C-3");
    }
    assertThat(received).containsExactly(message("C-0"), message("C-1"), message("C-2"), message("C-3"));
  }

  @Test
  void framesEndingWithCarriageReturnAndLineFeedAreEachAnswered() throws Exception {
    try (Connection connection = new Connection()) {
      connection.write(frame("C-1") + "\n" + frame("C-2") + "\n" + frame("C-3") + "\n");
      connection.expectAcks("C-1", "C-2", "C-3");
      connection.write(frame("C-4") + "\n" + frame("C-5") + "\n");
      connection.expectAcks("C-4", "C-5");
    }
    assertThat(received).containsExactly(message("C-1"), message("C-2"), message("C-3"), message("C-4"),
        message("C-5"));
  }

  @Test
  void aPartialFrameAfterAPipelinedOneIsKeptUntilItsRestArrives() throws Exception {
    String second = frame("C-2");
    int half = second.length() / 2;
    try (Connection connection = new Connection()) {
      connection.write(frame("C-1") + second.substring(0, half));
      connection.expectAcks("C-1");
      connection.write(second.substring(half) + frame("C-3"));
      connection.expectAcks("C-2", "C-3");
    }
    assertThat(received).containsExactly(message("C-1"), message("C-2"), message("C-3"));
  }

  @Test
  void aFrameSplitAcrossTwoWritesAfterPipelinedFramesIsAnswered() throws Exception {
    String third = frame("C-3");
    int half = third.length() / 2;
    try (Connection connection = new Connection()) {
      connection.write(frame("C-0"));
      connection.expectAcks("C-0");
      connection.write(frame("C-1") + frame("C-2"));
      connection.expectAcks("C-1", "C-2");
      connection.write(third.substring(0, half));
      connection.write(third.substring(half));
      connection.expectAcks("C-3");
    }
    assertThat(received).containsExactly(message("C-0"), message("C-1"), message("C-2"), message("C-3"));
  }

  @Test
  void junkHoldingAStartOfBlockByteBetweenFramesIsNotTakenForAFrame() throws Exception {
    try (Connection connection = new Connection()) {
      connection.write(frame("C-1") + "junk" + VT + "more junk" + frame("C-2") + frame("C-3"));
      connection.expectAcks("C-1", "C-2", "C-3");
    }
    assertThat(received).containsExactly(message("C-1"), message("C-2"), message("C-3"));
  }

  private static String message(String controlId) {
    return "MSH|^~\\&|EHR|CLINIC|RB|KETA|20260101||REF^I12^REF_I12|" + controlId + "|P|2.5.1\r"
        + "RF1|P|R|||||" + controlId + "\rPID|1||1^^^A^MR\r";
  }

  private static String frame(String controlId) {
    return VT + message(controlId) + END;
  }

  /** A sender's connection: raw writes, acknowledgements read one frame at a time. */
  private final class Connection implements AutoCloseable {
    private final Socket socket = new Socket();

    Connection() throws IOException {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      // well below Camel's receive timeout: an unanswered frame fails the test rather than waiting for a reset
      socket.setSoTimeout(5_000);
    }

    void write(String bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes.getBytes(UTF_8));
      out.flush();
    }

    void expectAcks(String... controlIds) throws IOException {
      for (String controlId : controlIds) {
        assertThat(readAck()).as("the ACK of " + controlId).contains("MSA|AA|" + controlId + "\r");
      }
    }

    String readAck() throws IOException {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      int previous = -1;
      for (int b = in.read(); !(previous == 0x1c && b == '\r'); b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed after " + ack.size() + " bytes of an ACK");
        }
        ack.write(b);
        previous = b;
      }
      return ack.toString(UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
