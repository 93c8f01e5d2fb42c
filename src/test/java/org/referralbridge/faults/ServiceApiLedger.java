package org.referralbridge.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.referralbridge.support.FhirStoreQueries;

/**
 * What the service has finished, read through its own API (message store pages, queue depth metric), for a service
 * on its embedded broker and H2 database: those cannot be opened from outside while it runs.
 */
final class ServiceApiLedger implements ScenarioAudit.Ledger {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceApiLedger(ServiceProcess service) {
    this.baseUrl = service.baseUrl();
  }

  @Override
  public Set<String> finishedControlIds() {
    Set<String> finished = new HashSet<>();
    try {
      for (int page = 0; ; page++) {
        JsonNode result = JSON.readTree(get("/api/messages/inbound?size=" + PAGE + "&page=" + page));
        for (JsonNode item : result.path("items")) {
          if (ScenarioAudit.FINISHED.contains(item.path("status").asText())) {
            finished.add(item.path("controlId").asText());
          }
        }
        if ((long) (page + 1) * PAGE >= result.path("total").asLong()) {
          return finished;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the service may be restarting: nothing counts as finished yet
      return Set.of();
    }
  }

  @Override
  public long inboundQueueDepth() {
    try {
      for (String line : get("/actuator/prometheus").split("\n")) {
        if (line.startsWith("bridge_queue_depth{") && line.contains("queue=\"referrals.inbound\"")) {
          double depth = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          return Double.isNaN(depth) ? 1 : (long) depth;
        }
      }
      return 1;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  @Override
  public int rejectedKept() {
    try {
      return JSON.readTree(get("/api/messages/rejected?size=1")).path("total").asInt();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the rejected messages", e);
    }
  }

  private String get(String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", FhirStoreQueries.ADMIN_AUTHORIZATION).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
