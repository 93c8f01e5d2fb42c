package org.referralbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and restore: the way to make a real server (the FHIR store, the
 * broker) unreachable and reachable again without mocking it. {@link #stop()} closes the listener and every open
 * connection; {@link #start()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

  private final int listenPort;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  public TcpProxy(int listenPort, int targetPort) {
    this.listenPort = listenPort;
    this.targetPort = targetPort;
  }

  public int port() {
    return listenPort;
  }

  /** True while it listens (started and not stopped). */
  public synchronized boolean isRunning() {
    return server != null;
  }

  public synchronized void start() throws IOException {
    ServerSocket socket = bindWithin(Duration.ofSeconds(5));
    server = socket;
    Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + listenPort);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Binds the listen port again after a stop. A CI run once found it briefly taken right after a stop; a restart
   * waits a few seconds for it before giving up, and still fails if it stays taken.
   */
  private ServerSocket bindWithin(Duration patience) throws IOException {
    AtomicReference<ServerSocket> bound = new AtomicReference<>();
    try {
      Awaitility.await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
        bound.set(tryBind());
        return bound.get() != null;
      });
    } catch (ConditionTimeoutException stillTaken) {
      throw new BindException("port " + listenPort + " still taken after " + patience.toSeconds() + " s");
    }
    return bound.get();
  }

  /** The listen socket, or null while the port is taken. */
  private ServerSocket tryBind() throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
      return socket;
    } catch (BindException taken) {
      socket.close();
      return null;
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // connection cut: close both ends below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Cuts every connection and stops listening: the target looks down. */
  public synchronized void stop() {
    if (server != null) {
      closeQuietly(server);
      server = null;
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  @Override
  public void close() {
    stop();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
