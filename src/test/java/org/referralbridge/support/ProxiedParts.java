package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The service's real parts arranged so a test can cut them: the FHIR store (the embedded HAPI server) reached over
 * HTTP and the broker (the embedded Artemis) reached over TCP, each through a {@link TcpProxy} on 127.0.0.1. The
 * proxies start at once; {@link #register} points the service at them.
 */
public final class ProxiedParts {

  private final int mllpPort = TestPorts.freePort();
  private final int httpPort = TestPorts.freePort();
  private final int brokerPort = TestPorts.freePort();
  private final TcpProxy store = new TcpProxy(TestPorts.freePort(), httpPort);
  private final TcpProxy broker = new TcpProxy(TestPorts.freePort(), brokerPort);

  public ProxiedParts() {
    try {
      store.start();
      broker.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The service's settings for these parts: its own data directory, MLLP and HTTP ports, the store through its
   * proxy (short timeouts, so a cut is noticed within seconds), the broker through its proxy (no reconnection
   * attempts: a cut fails the call at once).
   */
  public void register(DynamicPropertyRegistry registry, String dataDirectoryName) {
    registry.add("bridge.data-directory", () -> TestPorts.freshDataDirectory(dataDirectoryName).toString());
    registry.add("bridge.intake.mllp.port", () -> mllpPort);
    registry.add("server.port", () -> httpPort);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.fhir-store.base-url", () -> "http://127.0.0.1:" + store.port() + "/fhir");
    registry.add("bridge.fhir-store.connect-timeout", () -> "1s");
    registry.add("bridge.fhir-store.read-timeout", () -> "5s");
    registry.add("bridge.fhir-store.username", () -> FhirStoreQueries.ADMIN);
    registry.add("bridge.fhir-store.password", () -> FhirStoreQueries.ADMIN_PASSWORD);
    // the broker runs embedded, but the service reaches it over TCP through the proxy
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + broker.port()
        + "?reconnectAttempts=0&initialConnectAttempts=1&useTopologyForLoadBalancing=false&callTimeout=3000"
        + "&callFailoverTimeout=3000&connectionTTL=5000");
    registry.add("bridge.broker.tcp-port", () -> brokerPort);
  }

  public int mllpPort() {
    return mllpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public TcpProxy store() {
    return store;
  }

  public TcpProxy broker() {
    return broker;
  }
}
