package org.referralbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.apache.camel.CamelContext;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.ProxiedParts;
import org.referralbridge.support.TcpProxy;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The operator side with real parts, arranged by {@link ProxiedParts} as for the fault tolerance tests: the FHIR
 * store is the embedded HAPI server reached over HTTP, the broker the embedded Artemis reached over TCP, each
 * through a {@link TcpProxy} the test cuts and restores. The API and the probes are called over HTTP; the page through
 * MockMvc (signed-in staff and CSRF as a browser has them). Metrics export is on, as in production (Boot's tests
 * turn it off by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class OperationsIntegrationTests {

  private static final ProxiedParts PARTS = new ProxiedParts();
  private static final int MLLP_PORT = PARTS.mllpPort();
  private static final int HTTP_PORT = PARTS.httpPort();
  private static final TcpProxy STORE = PARTS.store();
  private static final TcpProxy BROKER = PARTS.broker();
  private static final String SYSTEM = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
  private static final String NORTHSIDE = "NORTHSIDE_EHR^NORTHSIDE_PSYCH";
  private static final Duration WITHIN = Duration.ofSeconds(40);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PARTS.register(registry, "operations");
    registry.add("bridge.fhir-store.health-timeout", () -> "2s");
    // dead-lettered quickly: 0.2 s, 0.4 s, then the dead-letter queue
    registry.add("bridge.processing.max-redeliveries", () -> 2);
    registry.add("bridge.processing.redelivery-delay", () -> 200);
    registry.add("bridge.processing.max-redelivery-delay", () -> 500);
    // a replayed message may be replayed again at once: lets a test put two copies on the queue
    registry.add("bridge.messages.replay-stuck-after", () -> "0s");
    registry.add("bridge.metrics.queue-depth-max-age", () -> "500ms");
  }

  @Autowired
  ConnectionFactory connectionFactory;

  @Autowired
  CamelContext camel;

  @Autowired
  MockMvc mvc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void restoreEverything() throws Exception {
    // only what the test cut: cutting the broker's connections again would fail the next test's first send
    if (!STORE.isRunning()) {
      STORE.start();
    }
    if (!BROKER.isRunning()) {
      BROKER.start();
    }
    if (!camel.getRouteController().getRouteStatus("processReferral").isStarted()) {
      camel.getRouteController().startRoute("processReferral");
    }
  }

  @Test
  void aDeadLetteredReferralReplayedOnceTheStoreIsBackIsWrittenOnceAndASecondReplayChangesNothing()
      throws Exception {
    STORE.stop();
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "replay1"))).contains("MSA|AA|CTL-replay1");
    long id = awaitStatus("CTL-replay1", "DEAD_LETTERED");
    await().atMost(WITHIN).until(() -> deadLetterQueue().contains("CTL-replay1"));

    // while the broker is down the replay cannot be queued: nothing changes
    BROKER.stop();
    HttpResponse<String> refused = api("POST", "/api/messages/inbound/" + id + "/replay", "admin");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(inbound(id).path("status").asText()).isEqualTo("DEAD_LETTERED");
    assertThat(inbound(id).path("replayCount").asInt()).isZero();
    BROKER.start();

    STORE.start();
    assertThat(api("POST", "/api/messages/inbound/" + id + "/replay", "intake").statusCode()).isEqualTo(403);
    HttpResponse<String> replayed = await().atMost(WITHIN).until(
        () -> api("POST", "/api/messages/inbound/" + id + "/replay", "admin"), r -> r.statusCode() == 202);
    assertThat(json.readTree(replayed.body()).path("outcome").asText()).isEqualTo("REPLAYED");
    awaitStatus("CTL-replay1", "PROCESSED");
    JsonNode row = inbound(id);
    assertThat(row.path("replayCount").asInt()).isEqualTo(1);
    assertThat(row.path("fhirReference").asText()).startsWith("ServiceRequest/");
    assertThat(directStore().count(ServiceRequest.class, SYSTEM, "REF-replay1")).isEqualTo(1);
    assertThat(deadLetterQueue()).doesNotContain("CTL-replay1");

    HttpResponse<String> again = api("POST", "/api/messages/inbound/" + id + "/replay", "admin");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).path("status").asText()).isEqualTo("PROCESSED");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(directStore().count(ServiceRequest.class, SYSTEM, "REF-replay1")).isEqualTo(1));
    assertThat(inbound(id).path("replayCount").asInt()).isEqualTo(1);
  }

  @Test
  void twoCopiesOfAReplayOnTheQueueStillWriteOneServiceRequest() throws Exception {
    STORE.stop();
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.PTSD_PCL5, "replay2"))).contains("MSA|AA|CTL-replay2");
    long id = awaitStatus("CTL-replay2", "DEAD_LETTERED");
    STORE.start();
    double duplicatesBefore = metric("bridge_messages_total", "flow=\"referral-processing\"",
        "outcome=\"duplicate\"");

    // processing stopped: both replays are queued before either is processed
    camel.getRouteController().stopRoute("processReferral");
    assertThat(api("POST", "/api/messages/inbound/" + id + "/replay", "admin").statusCode()).isEqualTo(202);
    HttpResponse<String> second = await().atMost(Duration.ofSeconds(5)).until(
        () -> api("POST", "/api/messages/inbound/replay?id=" + id, "admin"),
        r -> r.statusCode() == 200 && r.body().contains("\"replayed\":1"));
    assertThat(json.readTree(second.body()).path("results").get(0).path("outcome").asText()).isEqualTo("REPLAYED");
    assertThat(inbound(id).path("replayCount").asInt()).isEqualTo(2);
    camel.getRouteController().startRoute("processReferral");

    awaitStatus("CTL-replay2", "PROCESSED");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(metric("bridge_messages_total",
        "flow=\"referral-processing\"", "outcome=\"duplicate\"")).isEqualTo(duplicatesBefore + 1));
    assertThat(directStore().count(ServiceRequest.class,
        FhirStoreQueries.referralSystem("RIVERBEND_EMR", "RIVERBEND_TRAUMA"), "REF-replay2")).isEqualTo(1);
  }

  @Test
  void aBulkReplayNeedsIdsOrAFilterAndReplaysOnlyWhatMatches() throws Exception {
    assertThat(api("POST", "/api/messages/inbound/replay", "admin").statusCode()).isEqualTo(400);
    HttpResponse<String> none = api("POST",
        "/api/messages/inbound/replay?status=DEAD_LETTERED&sender=" + encode("NOBODY^NOWHERE"), "admin");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(json.readTree(none.body()).path("replayed").asInt()).isZero();
    assertThat(api("POST", "/api/messages/outbound/replay", "admin").statusCode()).isEqualTo(400);
    assertThat(api("POST", "/api/messages/outbound/replay?partner=none", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void searchesFilterAndPageAndLeaveTheContentOutOfLists() throws Exception {
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "search1"))).contains("MSA|AA|CTL-search1");
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "search2"))).contains("MSA|AA|CTL-search2");
    assertThat(send("MSH|^~\\&|NORTHSIDE_EHR|NORTHSIDE_PSYCH|||20261112||ADT^A01|CTL-search3|P|2.5.1\r"))
        .contains("MSA|AR|CTL-search3");
    awaitStatus("CTL-search2", "PROCESSED");

    HttpResponse<String> list = api("GET", "/api/messages/inbound?sender=" + encode(NORTHSIDE)
        + "&referralKey=REF-search&size=1", "intake");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("X-Total-Count")).hasValue("2");
    JsonNode page = json.readTree(list.body());
    assertThat(page.path("total").asInt()).isEqualTo(2);
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("items").get(0).path("controlId").asText()).isEqualTo("CTL-search2");
    assertThat(page.path("items").get(0).has("content")).isFalse();
    assertThat(list.body()).doesNotContain("Halvorsen");

    JsonNode rejected = json.readTree(api("GET", "/api/messages/rejected?ackCode=AR&errorCode=200&controlId=CTL-search3",
        "admin").body());
    assertThat(rejected.path("total").asInt()).isEqualTo(1);
    long rejectedId = rejected.path("items").get(0).path("id").asLong();
    assertThat(json.readTree(api("GET", "/api/messages/rejected/" + rejectedId, "admin").body())
        .path("content").asText()).contains("ADT^A01");
    assertThat(api("GET", "/api/messages/inbound?receivedFrom=yesterday", "admin").statusCode()).isEqualTo(400);
    assertThat(api("GET", "/api/messages/inbound?size=10000", "admin").statusCode()).isEqualTo(400);
    assertThat(api("GET", "/api/messages/outbound?status=FAILED", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusShowsTheCountersAfterAReferralAndNothingOfThePatient() throws Exception {
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "prom1"))).contains("MSA|AA|CTL-prom1");
    awaitStatus("CTL-prom1", "PROCESSED");

    HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    String metrics = scrape.body();
    assertThat(sample(metrics, "bridge_messages_total", "flow=\"referral-intake\"", "outcome=\"accepted\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(metrics, "bridge_messages_total", "flow=\"referral-processing\"", "outcome=\"processed\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(metrics, "bridge_messages_total", "flow=\"outbound-summary\"", "outcome=\"failed\""))
        .isZero();
    assertThat(sample(metrics, "bridge_referral_latency_seconds_count")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("bridge_referral_latency_seconds_bucket{");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(metric("bridge_queue_depth", "role=\"inbound\"",
        "queue=\"referrals.inbound\"")).isZero());
    assertThat(metrics).contains("queue=\"notifications.dead-letter\"");
    // the referral's patient, birth date, phone, identifiers: none in any name, tag or value
    assertThat(metrics).doesNotContain("Halvorsen").doesNotContain("Ingrid").doesNotContain("19840317")
        .doesNotContain("5550190").doesNotContain("MRN-prom1").doesNotContain("CTL-prom1")
        .doesNotContain("REF-prom1");
  }

  @Test
  void readinessFollowsTheBrokerAndTheStoreWhileLivenessStaysUpAndIntakeDoesNotNeedTheStore() throws Exception {
    await().atMost(WITHIN).until(() -> probe("readiness").statusCode() == 200);
    assertThat(probe("readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    JsonNode details = json.readTree(api("GET", "/actuator/health/readiness", "admin").body());
    assertThat(details.path("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("readinessState", "jms", "db", "fhirStore");
    assertThat(json.readTree(api("GET", "/actuator/health/liveness", "admin").body()).path("components")
        .fieldNames()).toIterable().containsExactly("livenessState");

    BROKER.stop();
    await().atMost(WITHIN).until(() -> probe("readiness").statusCode() == 503);
    assertThat(json.readTree(api("GET", "/actuator/health/readiness", "admin").body())
        .path("components").path("jms").path("status").asText()).isEqualTo("DOWN");
    assertThat(probe("liveness").statusCode()).isEqualTo(200);
    await().atMost(WITHIN).untilAsserted(() ->
        assertThat(metric("bridge_queue_depth", "role=\"inbound\"")).isNaN());
    BROKER.start();
    await().atMost(WITHIN).until(() -> probe("readiness").statusCode() == 200);

    assertThat(probe("intake").statusCode()).isEqualTo(200);
    assertThat(probe("processing").statusCode()).isEqualTo(200);
    assertThat(json.readTree(api("GET", "/actuator/health/intake", "admin").body()).path("components")
        .fieldNames()).toIterable().containsExactlyInAnyOrder("jms", "partnerDirectory");

    STORE.stop();
    await().atMost(WITHIN).until(() -> probe("readiness").statusCode() == 503);
    assertThat(json.readTree(api("GET", "/actuator/health/readiness", "admin").body())
        .path("components").path("fhirStore").path("status").asText()).isEqualTo("DOWN");
    assertThat(probe("liveness").statusCode()).isEqualTo(200);
    // intake carries on from its partner snapshot while processing waits for the store
    assertThat(probe("processing").statusCode()).isEqualTo(503);
    assertThat(probe("intake").statusCode()).isEqualTo(200);
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "health1"))).contains("MSA|AA|CTL-health1");
    awaitStatus("CTL-health1", "DEAD_LETTERED");
  }

  @Test
  void thePageListsAndShowsMessagesAndReplaysForAdminsOnly() throws Exception {
    STORE.stop();
    assertThat(sendAccepted(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "page1"))).contains("MSA|AA|CTL-page1");
    long id = awaitStatus("CTL-page1", "DEAD_LETTERED");
    STORE.start();

    mvc.perform(get("/operations/messages").param("status", "DEAD_LETTERED").param("controlId", "CTL-page1")
            .with(user("admin").roles("INTAKE", "CLINICIAN", "ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("CTL-page1")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Replay all dead-lettered shown (1)")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"nav-messages\"")));
    mvc.perform(get("/operations/messages/" + id).with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("MSH|^~\\&amp;|NORTHSIDE_EHR")));
    mvc.perform(get("/operations/messages").with(user("intake").roles("INTAKE")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/operations/messages/" + id + "/replay").with(user("admin").roles("ADMIN")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/operations/messages/replay").param("id", Long.toString(id))
            .with(user("admin").roles("ADMIN")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "1 message(s) replayed."));
    awaitStatus("CTL-page1", "PROCESSED");
    mvc.perform(get("/operations/messages/rejected").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    mvc.perform(get("/operations/messages/outbound").param("status", "FAILED").with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk());
    mvc.perform(get("/operations/messages").param("receivedFrom", "not a date").with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("receivedFrom: not a date")));
  }

  /** The message's id once it has this status (searched by control id through the API). */
  private long awaitStatus(String controlId, String status) {
    return await().atMost(WITHIN).until(() -> {
      JsonNode page = json.readTree(api("GET", "/api/messages/inbound?controlId=" + encode(controlId)
          + "&status=" + status, "admin").body());
      return page.path("total").asInt() == 1 ? page.path("items").get(0).path("id").asLong() : null;
    }, id -> id != null);
  }

  private JsonNode inbound(long id) throws Exception {
    return json.readTree(api("GET", "/api/messages/inbound/" + id, "admin").body());
  }

  private HttpResponse<String> api(String method, String path, String account) throws Exception {
    String credentials = account + ":change-me-" + account;
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8)))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> probe(String name) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/actuator/health/" + name)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double metric(String name, String... tags) throws Exception {
    return sample(http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body(), name, tags);
  }

  /** The value of the first sample of the metric with all these tags, e.g. {@code outcome="processed"}. */
  private static double sample(String scrape, String name, String... tags) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        boolean all = true;
        for (String tag : tags) {
          all &= line.contains(tag);
        }
        if (all) {
          String value = line.substring(line.lastIndexOf(' ') + 1);
          return Double.parseDouble(value);
        }
      }
    }
    throw new AssertionError("no " + name + " " + List.of(tags) + " in the scrape");
  }

  /** Control ids of the messages on the dead-letter queue, read with a JMS queue browser. */
  private List<String> deadLetterQueue() {
    return new JmsTemplate(connectionFactory).browse("referrals.dead-letter", (session, browser) -> {
      List<String> ids = new ArrayList<>();
      for (Object m : Collections.list(browser.getEnumeration())) {
        ids.add(((Message) m).getStringProperty(EnvelopeHeaders.CONTROL_ID));
      }
      return ids;
    });
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + HTTP_PORT + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static FhirStoreQueries directStore() {
    return new FhirStoreQueries(HTTP_PORT);
  }

  /**
   * Sends until the message is accepted, as a sender does after AE 207 (e.g. while the service's broker connections
   * are being re-established after a test cut them); returns the AA.
   */
  private static String sendAccepted(String message) {
    return await().atMost(WITHIN).until(() -> send(message), ack -> ack.contains("MSA|AA|"));
  }

  private static String send(String message) throws IOException {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      return client.send(message);
    } finally {
      client.close();
    }
  }
}
