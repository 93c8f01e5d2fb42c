package org.referralbridge.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
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
}
