package org.referralbridge.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sender's MLLP connection: one frame out, one acknowledgement frame back, each within the timeout. A socket write
 * has no timeout of its own, so a deadline closes the connection when the listener stops reading without closing it
 * (Camel's own listener did, after an oversized first frame: see README, Limits); the exchange then fails like a
 * lost connection.
 */
final class MllpClient implements AutoCloseable {

  private static final int START = 0x0b;
  private static final int END = 0x1c;
  private static final int CR = 0x0d;
  /** A sender's usual socket send buffer; larger ones (Linux tunes loopback buffers up to 4 MiB) hide a stalled write. */
  private static final int SEND_BUFFER_BYTES = 64 * 1024;
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "mllp-client-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final Socket socket = new Socket();
  private final int timeoutMillis;

  MllpClient(InetSocketAddress address, int timeoutMillis) throws IOException {
    this.timeoutMillis = timeoutMillis;
    socket.setSendBufferSize(SEND_BUFFER_BYTES);
    // generous: on a loaded machine the listener's accept can lag well behind a burst of connections
    socket.connect(address, 10_000);
    socket.setSoTimeout(timeoutMillis);
    socket.setTcpNoDelay(true);
  }

  /** Sends one message in a proper frame and returns the acknowledgement's text. */
  String exchange(String message) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(START);
    frame.writeBytes(message.getBytes(StandardCharsets.UTF_8));
    frame.write(END);
    frame.write(CR);
    return exchangeRaw(frame.toByteArray());
  }

  /**
   * Pipelines: writes every message as a frame, all in one TCP write (frames of three messages end in
   * {@code <FS><CR><LF>}, as some senders' do), then reads their acknowledgements in order into {@code answers}. An
   * IOException leaves in {@code answers} those that came.
   */
  void pipeline(List<String> messages, List<String> answers) throws IOException {
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (String message : messages) {
      frames.write(START);
      frames.writeBytes(message.getBytes(StandardCharsets.UTF_8));
      frames.write(END);
      frames.write(CR);
      if (messages.size() == 3) {
        frames.write('\n');
      }
    }
    write(frames.toByteArray());
    for (int i = 0; i < messages.size(); i++) {
      answers.add(readAcknowledgement());
    }
  }

  /** Sends bytes as they are (a broken frame, say) and returns whatever acknowledgement comes back. */
  String exchangeRaw(byte[] bytes) throws IOException {
    write(bytes);
    return readAcknowledgement();
  }

  private void write(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    ScheduledFuture<?> deadline = DEADLINES.schedule(this::close, timeoutMillis, TimeUnit.MILLISECONDS);
    try {
      out.write(bytes);
      out.flush();
    } finally {
      deadline.cancel(false);
    }
  }

  private String readAcknowledgement() throws IOException {
    InputStream in = socket.getInputStream();
    int b = in.read();
    while (b != -1 && b != START) {
      b = in.read();
    }
    if (b == -1) {
      throw new IOException("connection closed without an acknowledgement");
    }
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    while ((b = in.read()) != -1 && b != END) {
      ack.write(b);
    }
    if (b == -1) {
      throw new IOException("acknowledgement cut off");
    }
    in.read();
    return ack.toString(StandardCharsets.UTF_8);
  }

  /** MSA-2 of an acknowledgement (the control id it answers), or null. */
  static String acknowledgedControlId(String ack) {
    for (String segment : ack.split("\r")) {
      if (segment.startsWith("MSA")) {
        String[] fields = segment.split("\\|", -1);
        return fields.length > 2 ? fields[2] : null;
      }
    }
    return null;
  }

  /** MSA-1 of an acknowledgement (AA, AE, AR; CA/CE/CR are read as AA/AE/AR), or null. */
  static String ackCode(String ack) {
    for (String segment : ack.split("\r")) {
      if (segment.startsWith("MSA")) {
        String[] fields = segment.split("\\|", -1);
        if (fields.length > 1 && fields[1].length() == 2) {
          return "A" + fields[1].charAt(1);
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed anyway
    }
  }
}
