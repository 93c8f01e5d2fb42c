package org.referralbridge.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness of an external FHIR store: its CapabilityStatement ({@code GET [base]/metadata}) answers 2xx within a
 * short timeout. The embedded store runs in-process on the service's database, which the {@code db} indicator
 * checks.
 */
final class FhirStoreHealth implements HealthIndicator {

  private final URI metadata;
  private final Duration timeout;
  private final String authorization;
  private final HttpClient client;

  FhirStoreHealth(URI baseUrl, Duration timeout, String username, String password) {
    String base = baseUrl.toString();
    this.metadata = URI.create((base.endsWith("/") ? base : base + "/") + "metadata");
    this.timeout = timeout;
    this.authorization = username == null || username.isBlank() ? null : "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Health health() {
    HttpRequest.Builder request = HttpRequest.newBuilder(metadata).timeout(timeout)
        .header("Accept", "application/fhir+json").GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      Health.Builder health = status >= 200 && status < 300 ? Health.up() : Health.down();
      return health.withDetail("url", metadata.toString()).withDetail("status", status).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("url", metadata.toString()).withDetail("error", "interrupted").build();
    } catch (Exception e) {
      return Health.down().withDetail("url", metadata.toString())
          .withDetail("error", e.getClass().getSimpleName()).build();
    }
  }

  /** The embedded store: nothing to reach over the network. */
  static HealthIndicator embedded() {
    return () -> Health.up().withDetail("store", "embedded, in-process (its database: see 'db')").build();
  }
}
