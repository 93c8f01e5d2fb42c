package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;

/**
 * Scenario 10: the production shape without HAPI in the service's process. The service runs with
 * {@code bridge.fhir-server.enabled=false} against an external FHIR store (here a second instance's embedded HAPI
 * server over HTTP), its own embedded broker and database. It starts, acknowledges and stores referrals in the
 * external store; with the store stopped it still acknowledges (intake needs only its broker and its snapshot of
 * the partner directory) and reports processing as not ready; once the store is back, every referral is in it
 * exactly once. Needs no containers.
 */
class ExternalFhirStoreIT {

  private static final String REFERRAL_SYSTEM = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void runsWithoutTheEmbeddedServerAndRidesOutTheStoreGoingAway() throws Exception {
    String seed = TestPartners.seed(TestPorts.freshDataDirectory("faults-seed"), TestPorts.freePort(),
        TestPorts.freePort());
    try (ServiceProcess store = ServiceProcess.embedded("ExternalFhirStoreIT-store", seed).start();
        ServiceProcess bridge = ServiceProcess.embedded("ExternalFhirStoreIT-bridge", seed)
            .with("BRIDGE_FHIR_SERVER_ENABLED", "false")
            .with("BRIDGE_FHIR_STORE_BASE_URL", store.baseUrl() + "/fhir")
            .with("BRIDGE_FHIR_STORE_USERNAME", FhirStoreQueries.ADMIN)
            .with("BRIDGE_FHIR_STORE_PASSWORD", FhirStoreQueries.ADMIN_PASSWORD)
            .start()) {
      assertThat(status(bridge, "/fhir/metadata")).as("no FHIR server of its own (signed in)").isEqualTo(404);
      assertThat(bridge.log()).content().contains("FHIR store: " + store.baseUrl() + "/fhir");

      List<String> referralIds = new ArrayList<>();
      referralIds.addAll(sendAccepted(bridge, "ext-up", 5));
      FhirStoreQueries storeQueries = new FhirStoreQueries(store.httpPort());
      awaitStoredOnce(storeQueries, referralIds);

      store.stop();
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> status(bridge, "/actuator/health/processing") == 503);
      assertThat(status(bridge, "/actuator/health/intake")).as("intake while the store is away").isEqualTo(200);
      referralIds.addAll(sendAccepted(bridge, "ext-down", 5));

      store.start();
      awaitStoredOnce(storeQueries, referralIds);
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> status(bridge, "/actuator/health/processing") == 200);
    }
  }

  /** Sends {@code count} new referrals to the service; each must get AA. Returns their referral ids. */
  private static List<String> sendAccepted(ServiceProcess service, String prefix, int count) throws IOException {
    List<String> ids = new ArrayList<>();
    try (MllpClient client = new MllpClient(new InetSocketAddress("127.0.0.1", service.mllpPort()), 20_000)) {
      for (int i = 0; i < count; i++) {
        String suffix = prefix + "-" + i;
        String ack = client.exchange(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix));
        assertThat(ack).as("ACK of referral %s", suffix).contains("MSA|AA|");
        ids.add("REF-" + suffix);
      }
    }
    return ids;
  }

  private static void awaitStoredOnce(FhirStoreQueries store, List<String> referralIds) {
    Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(() -> {
          for (String id : referralIds) {
            assertThat(store.count(ServiceRequest.class, REFERRAL_SYSTEM, id)).as("ServiceRequests of %s", id)
                .isEqualTo(1);
          }
        });
  }

  private int status(ServiceProcess service, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
        .header("Authorization", FhirStoreQueries.ADMIN_AUTHORIZATION)
        .timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
