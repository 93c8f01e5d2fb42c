package org.referralbridge.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MLLP listener (JDK only, runs as a single source file) standing in for a referrer's system: prints
 * each message it receives and answers AA. Usage:
 * {@code java src/main/java/org/referralbridge/tools/MllpListen.java [port, default 2576]}
 */
public final class MllpListen {

  private MllpListen() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 2576;
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      System.out.println("Listening for MLLP on 127.0.0.1:" + port + " (Ctrl-C to stop)");
      while (true) {
        Socket connection = server.accept();
        Thread thread = new Thread(() -> serve(connection));
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private static void serve(Socket connection) {
    try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
      while (true) {
        int b = in.read();
        while (b != -1 && b != 0x0b) {
          b = in.read();
        }
        if (b == -1) {
          return;
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != -1 && b != 0x1c) {
          frame.write(b);
        }
        in.read();
        String message = frame.toString(StandardCharsets.UTF_8);
        System.out.println("== received\n" + message.replace('\r', '\n').strip() + "\n");
        String controlId = controlId(message);
        String ack = "MSH|^~\\&|REFERRER|REFERRER|||" + "20260101000000||ACK|ACK" + controlId + "|P|2.5.1\rMSA|AA|"
            + controlId + "\r";
        out.write(0x0b);
        out.write(ack.getBytes(StandardCharsets.UTF_8));
        out.write(0x1c);
        out.write(0x0d);
        out.flush();
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  private static String controlId(String message) {
    String[] fields = message.split("\r", 2)[0].split("\\|", -1);
    return fields.length > 9 ? fields[9] : "";
  }
}
