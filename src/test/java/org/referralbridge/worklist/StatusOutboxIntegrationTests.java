package org.referralbridge.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundStatus;
import org.referralbridge.outbound.OutboundStore;
import org.referralbridge.store.FhirStore;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TcpProxy;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.TaskAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox with real parts: the embedded FHIR store and the service's tables in one H2 database,
 * the embedded broker reached over TCP through a {@link TcpProxy} the test cuts, a fake referrer's MLLP listener.
 * A status change and its notification commit together or not at all; a notification the broker could not take
 * is delivered by the relay once the broker is back, exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StatusOutboxIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final int BROKER_PORT = TestPorts.freePort();
  private static final TcpProxy BROKER = new TcpProxy(TestPorts.freePort(), BROKER_PORT);
  private static final FakeReferrerMllp REFERRER = new FakeReferrerMllp(TestPorts.freePort());
  private static final String SYSTEM = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");

  static {
    try {
      BROKER.start();
      REFERRER.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    var data = TestPorts.freshDataDirectory("outbox");
    registry.add("bridge.data-directory", data::toString);
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.partners.seed", () -> TestPartners.seed(data.resolve("seed"), REFERRER.port(),
        TestPorts.freePort()));
    registry.add("bridge.outbound.first-retry-delay", () -> "500ms");
    registry.add("bridge.outbound.max-retry-delay", () -> "2s");
    registry.add("bridge.outbound.relay.interval", () -> "1s");
    registry.add("bridge.outbound.relay.grace", () -> "1s");
    // the broker runs embedded, but the service reaches it over TCP through the proxy (as in ProxiedParts)
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + BROKER.port()
        + "?reconnectAttempts=0&initialConnectAttempts=1&useTopologyForLoadBalancing=false&callTimeout=3000"
        + "&callFailoverTimeout=3000&connectionTTL=5000");
    registry.add("bridge.broker.tcp-port", () -> BROKER_PORT);
  }

  @AfterAll
  static void stopParts() throws Exception {
    REFERRER.stop();
    BROKER.stop();
  }

  @Autowired
  ReferralActions actions;

  @Autowired
  OutboundStore outbound;

  @Autowired
  FhirStore store;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  javax.sql.DataSource dataSource;

  @AfterEach
  void restoreBroker() throws IOException {
    if (!BROKER.isRunning()) {
      BROKER.start();
    }
  }

  @Test
  void aStatusChangeIsQueuedRightAfterItsCommitAndDeliveredOnce() throws Exception {
    Task task = referral("outbox1");
    actions.apply(task.getIdElement().getIdPart(), TaskAction.ACCEPT, ActionDetails.none(), "intake");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messages(task))
        .singleElement().satisfies(m -> {
          assertThat(m.status()).isEqualTo(OutboundStatus.DELIVERED);
          assertThat(m.queuedAt()).isNotNull();
        }));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(REFERRER.received()).filteredOn(m -> m.contains("MSA|AA|CTL-outbox1")).hasSize(1));
  }

  @Test
  void whileTheBrokerIsDownAStatusChangeIsSavedAndTheRelayDeliversItsNotificationOnceTheBrokerIsBack()
      throws Exception {
    Task task = referral("outbox2");
    String id = task.getIdElement().getIdPart();
    BROKER.stop();
    try {
      actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake");
      assertThat(store.read(Task.class, id).orElseThrow().getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
      // recorded, not queued: the after-commit send and the relay's runs find the broker down
      await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(messages(task)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboundStatus.PENDING);
            assertThat(m.queuedAt()).isNull();
          }));
    } finally {
      restoreBroker();
    }
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages(task)).singleElement()
        .satisfies(m -> {
          assertThat(m.status()).isEqualTo(OutboundStatus.DELIVERED);
          assertThat(m.queuedAt()).isNotNull();
        }));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(REFERRER.received()).filteredOn(m -> m.contains("MSA|AA|CTL-outbox2")).hasSize(1));
  }

  @Test
  void whenItsNotificationCannotBeRecordedTheStatusChangeIsRolledBack() throws Exception {
    Task task = referral("outbox3");
    String id = task.getIdElement().getIdPart();
    String requestId = task.getFocus().getReferenceElement().getIdPart();
    String version = store.read(Task.class, id).orElseThrow().getMeta().getVersionId();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    // a real database refusal of this referral's outbound row
    jdbc.sql("ALTER TABLE bridge_outbound_message ADD CONSTRAINT test_refuse_outbox3 CHECK (service_request_id <> '"
        + requestId + "')").update();
    try {
      assertThatThrownBy(() -> actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake"))
          .isInstanceOf(org.springframework.dao.DataAccessException.class);
    } finally {
      jdbc.sql("ALTER TABLE bridge_outbound_message DROP CONSTRAINT test_refuse_outbox3").update();
    }
    Task unchanged = store.read(Task.class, id).orElseThrow();
    assertThat(unchanged.getMeta().getVersionId()).isEqualTo(version);
    assertThat(unchanged.getStatus()).isNotEqualTo(Task.TaskStatus.ACCEPTED);
    assertThat(store.search("Provenance?target=Task/" + id, 10)).isEmpty();
    assertThat(messages(task)).isEmpty();

    // and the same action succeeds once the row can be recorded
    actions.apply(id, TaskAction.ACCEPT, ActionDetails.none(), "intake");
    assertThat(messages(task)).hasSize(1);
  }

  @Test
  void aRowRecordedBeforeAFailingFhirTransactionIsRolledBackWithIt() {
    String marker = "atomic-" + UUID.randomUUID();
    assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      record(marker);
      store.transaction(observationOf("Patient/does-not-exist-" + marker));
    })).isInstanceOf(RuntimeException.class);
    assertThat(outbound.forReferral(marker)).isEmpty();
  }

  @Test
  void aFhirChangeIsRolledBackWhenWhatFollowsItInTheSameTransactionFails() {
    String marker = "atomic-" + UUID.randomUUID();
    assertThatThrownBy(() -> store.transaction(basic(marker), () -> {
      assertThat(store.search("Basic?identifier=urn:test|" + marker, 10)).as("the change, seen inside").hasSize(1);
      record(marker);
      throw new IllegalStateException("after the row");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.search("Basic?identifier=urn:test|" + marker, 10)).isEmpty();
    assertThat(outbound.forReferral(marker)).isEmpty();

    // without a failure, both are there
    store.transaction(basic(marker), () -> record(marker));
    assertThat(store.search("Basic?identifier=urn:test|" + marker, 10)).hasSize(1);
    assertThat(outbound.forReferral(marker)).hasSize(1);
  }

  @Test
  void aFailingFhirTransactionRecordsNothing() {
    String marker = "atomic-" + UUID.randomUUID();
    assertThatThrownBy(() -> store.transaction(observationOf("Patient/does-not-exist-" + marker),
        () -> record(marker))).isInstanceOf(RuntimeException.class);
    assertThat(outbound.forReferral(marker)).isEmpty();
  }

  private void record(String serviceRequestId) {
    outbound.create(OutboundMessage.Kind.STATUS, serviceRequestId, "org-test", null, null, null, null, "test",
        null, OutboundStatus.NO_CHANNEL);
  }

  private static Bundle basic(String marker) {
    Basic basic = new Basic();
    basic.addIdentifier().setSystem("urn:test").setValue(marker);
    basic.getCode().setText("outbox test");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setResource(basic).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Basic");
    return bundle;
  }

  /** A transaction the store refuses: its Observation refers to a Patient that does not exist. */
  private static Bundle observationOf(String patient) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getCode().setText("outbox test");
    observation.setSubject(new Reference(patient));
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return bundle;
  }

  private List<OutboundMessage> messages(Task task) {
    return outbound.forReferral(task.getFocus().getReferenceElement().getIdPart());
  }

  /** Sends a Northside referral over MLLP and waits for its Task. */
  private Task referral(String suffix) throws Exception {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      assertThat(client.send(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix))).contains("MSA|AA|");
    } finally {
      client.close();
    }
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<IBaseResource> tasks = store.search("Task?identifier=" + SYSTEM + "|REF-" + suffix, 1);
      return tasks.isEmpty() ? null : (Task) tasks.get(0);
    }, t -> t != null);
  }
}
