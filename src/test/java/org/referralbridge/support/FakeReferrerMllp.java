package org.referralbridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.referralbridge.hl7.MshHeader;

/**
 * A referring provider's MLLP listener on 127.0.0.1, as a test needs it: records every message it receives and
 * answers AA (echoing MSH-10), or stays silent (a partner that never acknowledges), or is down.
 */
public final class FakeReferrerMllp implements AutoCloseable {

  private final int port;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private volatile boolean acknowledge = true;
  private volatile long ackDelayMillis;
  private volatile ServerSocket server;

  public FakeReferrerMllp(int port) {
    this.port = port;
  }

  public synchronized FakeReferrerMllp start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = socket;
    Thread acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          connections.add(connection);
          Thread reader = new Thread(() -> serve(connection), "fake-referrer-" + port);
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "fake-referrer-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** false: receive but never acknowledge. */
  public void acknowledge(boolean acknowledge) {
    this.acknowledge = acknowledge;
  }

  /** A slow partner: each acknowledgement comes this much later. */
  public void delayAcknowledgements(java.time.Duration delay) {
    this.ackDelayMillis = delay.toMillis();
  }

  public List<String> received() {
    return List.copyOf(received);
  }

  public int port() {
    return port;
  }

  private void serve(Socket connection) {
    try (InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
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
        if (b == -1) {
          return;
        }
        in.read();
        String message = frame.toString(StandardCharsets.UTF_8);
        received.add(message);
        if (ackDelayMillis > 0) {
          try {
            Thread.sleep(ackDelayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (acknowledge) {
          String controlId = MshHeader.read(message).map(MshHeader::controlId).orElse("");
          String ack = "MSH|^~\\&|REFERRER|REFERRER|REFERRALBRIDGE|LAKESIDE_KETAMINE|20261121||ACK|A" + controlId
              + "|P|2.5.1\rMSA|AA|" + controlId + "\r";
          out.write(0x0b);
          out.write(ack.getBytes(StandardCharsets.UTF_8));
          out.write(0x1c);
          out.write(0x0d);
          out.flush();
        }
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  public synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closed
    }
    server = null;
    for (Socket connection : connections) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // closed
      }
    }
    connections.clear();
  }

  @Override
  public void close() {
    stop();
  }
}
