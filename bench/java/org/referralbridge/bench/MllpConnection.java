package org.referralbridge.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One sender's MLLP connection as the benchmark drives it: a frame out, its acknowledgement back, in turn. */
final class MllpConnection implements AutoCloseable {

  private static final int START = 0x0b;
  private static final int END = 0x1c;
  private static final int CR = 0x0d;

  private final Socket socket = new Socket();
  private final OutputStream out;
  private final InputStream in;
  private final ByteArrayOutputStream ack = new ByteArrayOutputStream(256);

  MllpConnection(String host, int port, int connectTimeoutMillis, int readTimeoutMillis) throws IOException {
    socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
    socket.setSoTimeout(readTimeoutMillis);
    socket.setTcpNoDelay(true);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 4 * 1024);
  }

  /** Sends the message and returns its acknowledgement's text. */
  String exchange(byte[] message) throws IOException {
    out.write(START);
    out.write(message);
    out.write(END);
    out.write(CR);
    out.flush();
    int b = in.read();
    while (b != -1 && b != START) {
      b = in.read();
    }
    ack.reset();
    while (b != -1 && (b = in.read()) != -1 && b != END) {
      ack.write(b);
    }
    if (b == -1) {
      throw new IOException("connection closed without an acknowledgement");
    }
    in.read();
    return ack.toString(StandardCharsets.UTF_8);
  }

  /** True for an AA (or CA) acknowledgement. */
  static boolean accepted(String ack) {
    int msa = ack.indexOf("MSA|");
    return msa >= 0 && (ack.startsWith("AA", msa + 4) || ack.startsWith("CA", msa + 4));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
