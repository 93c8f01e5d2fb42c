package org.referralbridge.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal MLLP client (JDK only, so it runs as a single source file): sends each HL7 v2 file given and prints
 * the acknowledgement. Usage:
 * {@code java src/main/java/org/referralbridge/tools/MllpSend.java [--host 127.0.0.1] [--port 2575] FILE...}
 */
public final class MllpSend {

  private static final byte START = 0x0b;
  private static final byte END = 0x1c;
  private static final byte CR = 0x0d;

  private final Socket socket;

  public MllpSend(String host, int port, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    socket.setTcpNoDelay(true);
  }

  /** Sends one message (segments separated by CR or newlines) and returns the acknowledgement's text. */
  public String send(String message) throws IOException {
    String hl7 = message.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
    OutputStream out = socket.getOutputStream();
    out.write(START);
    out.write(hl7.getBytes(StandardCharsets.UTF_8));
    out.write(END);
    out.write(CR);
    out.flush();
    return read(socket.getInputStream());
  }

  private static String read(InputStream in) throws IOException {
    int b = in.read();
    while (b != -1 && b != START) {
      b = in.read();
    }
    if (b == -1) {
      throw new IOException("connection closed before an acknowledgement arrived");
    }
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    while ((b = in.read()) != -1) {
      if (b == END) {
        in.read(); // trailing CR
        return ack.toString(StandardCharsets.UTF_8);
      }
      ack.write(b);
    }
    throw new IOException("connection closed inside an acknowledgement");
  }

  public void close() throws IOException {
    socket.close();
  }

  public static void main(String[] args) throws IOException {
    String host = "127.0.0.1";
    int port = 2575;
    int sent = 0;
    MllpSend client = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = args[++i];
          case "--port" -> port = Integer.parseInt(args[++i]);
          default -> {
            if (client == null) {
              client = new MllpSend(host, port, 30_000);
            }
            String ack = client.send(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
            System.out.println("== " + args[i]);
            System.out.println(ack.replace('\r', '\n').strip());
            sent++;
          }
        }
      }
    } finally {
      if (client != null) {
        client.close();
      }
    }
    if (sent == 0) {
      System.err.println("usage: java MllpSend.java [--host H] [--port P] FILE...");
      System.exit(2);
    }
  }
}
