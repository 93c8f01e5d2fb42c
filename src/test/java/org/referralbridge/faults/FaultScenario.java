package org.referralbridge.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;

/**
 * One fault scenario: the service (a JVM of its own, from the packaged jar) against a real PostgreSQL and a real
 * Artemis in containers. PostgreSQL is shared by the suite, each scenario with a database of its own; each
 * scenario has its own broker. Subclasses send a stream, inject their fault and audit the result.
 */
@ExtendWith(RequiresDocker.class)
abstract class FaultScenario {

  private static PostgresServer postgres;

  protected ArtemisServer broker;
  protected String databaseName;
  protected String jdbcUrl;
  protected String partnerSeed;
  protected int referrerMllpPort = TestPorts.freePort();
  protected int referrerFhirPort = TestPorts.freePort();
  private final List<ServiceProcess> services = new ArrayList<>();

  static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = new PostgresServer().start();
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
    }
    return postgres;
  }

  @BeforeEach
  void startInfrastructure(TestInfo test) {
    broker = new ArtemisServer().start();
    databaseName = (getClass().getSimpleName() + "_" + test.getTestMethod().map(m -> m.getName()).orElse("t"))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
    jdbcUrl = postgres().createDatabase(databaseName);
    partnerSeed = TestPartners.seed(TestPorts.freshDataDirectory("faults-seed"), referrerMllpPort, referrerFhirPort);
  }

  @AfterEach
  void stopEverything() {
    services.forEach(ServiceProcess::stop);
    if (broker != null) {
      broker.close();
    }
  }

  /** A service instance against this scenario's database and broker (not started). */
  protected ServiceProcess service(String name) {
    ServiceProcess service = ServiceProcess.against(getClass().getSimpleName() + "-" + name, jdbcUrl, broker,
        partnerSeed);
    services.add(service);
    return service;
  }

  protected ScenarioAudit audit(String scenario, ServiceProcess reader) {
    return new ScenarioAudit(scenario, reader.httpPort(), postgres(), databaseName, broker);
  }

  /** {@code count} distinct valid referrals (own control id, referral id and patient) from one partner. */
  protected static List<ReferralStream.Item> referrals(String prefix, int count) {
    List<ReferralStream.Item> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String suffix = prefix + "-" + i;
      items.add(ReferralStream.Item.referral(referralId(suffix), Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix)));
    }
    return items;
  }

  /** The referral id (RF1-6) a message of {@link #referrals} carries. */
  protected static String referralId(String suffix) {
    return "REF-" + suffix;
  }

  /** An item's referral id when it is one of {@link #referrals}' (its id), else null. */
  protected static String referralIdOf(ReferralStream.Item item) {
    return item.id() != null && item.id().startsWith("REF-") ? item.id() : null;
  }

  /** Each referral's Task id (by referral id, in the items' order), once the pipeline has written them all. */
  protected static Map<String, String> awaitTasks(ServiceProcess service, List<ReferralStream.Item> items) {
    FhirStoreQueries fhir = new FhirStoreQueries(service.httpPort());
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    Map<String, String> tasks = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    for (ReferralStream.Item item : items) {
      while (!tasks.containsKey(item.id())) {
        Bundle found = fhir.search(Task.class, system, item.id());
        if (!found.getEntry().isEmpty()) {
          tasks.put(item.id(), found.getEntryFirstRep().getResource().getIdElement().getIdPart());
        } else if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("no Task for " + item.id());
        } else {
          PostgresServer.sleep(500);
        }
      }
    }
    return tasks;
  }

  /** Waits until the outbound store has every notification DELIVERED; returns their control ids per referral in
   * the order they were queued. */
  protected Map<String, List<String>> awaitDelivered(int expected, Duration timeout) throws SQLException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<String, List<String>> order = new LinkedHashMap<>();
      int delivered = 0;
      int total = 0;
      try (Connection connection = postgres().connect(databaseName); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT service_request_id, control_id, status FROM"
              + " bridge_outbound_message WHERE kind = 'STATUS' ORDER BY id")) {
        while (rows.next()) {
          total++;
          order.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
          if ("DELIVERED".equals(rows.getString(3))) {
            delivered++;
          }
        }
      }
      if (total == expected && delivered == expected) {
        return order;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("delivered " + delivered + " of " + total + " notifications (expected " + expected + ")");
      }
      PostgresServer.sleep(1000);
    }
  }
}
