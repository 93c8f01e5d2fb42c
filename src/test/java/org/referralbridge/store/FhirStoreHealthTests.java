package org.referralbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.TestPorts;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Readiness of an external FHIR store, against a small HTTP server standing in for it. */
class FhirStoreHealthTests {

  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> authorization = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/fhir/metadata", exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void upWhenMetadataAnswers2xxWithTheStoresCredentials() {
    Health health = health("user", "secret");
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("status", 200);
    assertThat(authorization.get()).isEqualTo("Basic dXNlcjpzZWNyZXQ=");
  }

  @Test
  void downWhenMetadataAnswersAnError() {
    status.set(401);
    assertThat(health(null, null).getStatus()).isEqualTo(Status.DOWN);
    status.set(503);
    assertThat(health(null, null).getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void downWhenNothingListens() {
    Health health = new FhirStoreHealth(URI.create("http://127.0.0.1:" + TestPorts.freePort() + "/fhir"),
        Duration.ofSeconds(1), null, null).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("error");
  }

  private Health health(String user, String password) {
    return new FhirStoreHealth(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/"),
        Duration.ofSeconds(2), user, password).health();
  }
}
