package org.referralbridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.support.FhirStoreQueries;

/**
 * The end of a scenario: waits until nothing is in flight any more, then checks from the FHIR store and the message
 * store that every referral that got AA exists exactly once as a ServiceRequest, that every one that did not was
 * either never written or is accounted for (written once, its AA lost in the fault), and that nothing is stuck;
 * prints the scenario's table (and appends it to target/fault-report.md).
 */
final class ScenarioAudit {

  private static final Path REPORT = Path.of("target", "fault-report.md");
  static final Set<String> FINISHED = Set.of("PROCESSED", "NEEDS_ATTENTION", "DEAD_LETTERED", "DUPLICATE");

  /** The figures of one scenario. */
  record Figures(String scenario, int referrals, int sends, int aa, int ae, int ar, int noAck, int storedOnce,
      int duplicates, int lost, int stuck, int rejectedKept, String note) {

    String row() {
      return "| %-28s | %5d | %5d | %5d | %7d | %5d | %6d | %6d | %4d | %4d | %5d | %8d | %s |".formatted(scenario,
          referrals, sends, aa, ae, ar, noAck, storedOnce, duplicates, lost, stuck, rejectedKept, note);
    }

    static String header() {
      return "| scenario                     | refs  | sends |  AA   | AE seen |  AR   | no ACK | stored | dup  | lost | stuck"
          + " | rejected | note |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }
  }

  /** Where the audit reads what the service has finished: its database and broker, or the service's own API. */
  interface Ledger {

    /** Control ids of the accepted messages whose processing has finished (see {@link #FINISHED}). */
    Set<String> finishedControlIds();

    /** Messages on the inbound queue (0 when it cannot be told). */
    long inboundQueueDepth();

    /** Messages kept as rejected at intake. */
    int rejectedKept();
  }

  private final String scenario;
  private final FhirStoreQueries fhir;
  private final Ledger ledger;
  private final String referralSystem;

  ScenarioAudit(String scenario, int httpPort, PostgresServer database, String databaseName, ArtemisServer broker) {
    this(scenario, httpPort, new ContainerLedger(database, databaseName, broker));
  }

  ScenarioAudit(String scenario, int httpPort, Ledger ledger) {
    this.scenario = scenario;
    this.fhir = new FhirStoreQueries(httpPort);
    this.ledger = ledger;
    this.referralSystem = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
  }

  /**
   * Waits for the pipeline to finish with every accepted message, then audits. {@code referralIdOf} gives an
   * item's referral id (RF1-6), or null for an item that is not a valid referral.
   */
  Figures audit(List<ReferralStream.Outcome> outcomes, Function<ReferralStream.Item, String> referralIdOf,
      String note) {
    int stuck = awaitSettled(outcomes);

    Map<String, Integer> serviceRequests = serviceRequestsByReferralId();
    Map<String, String> finalAckByReferral = new HashMap<>();
    for (ReferralStream.Outcome outcome : outcomes) {
      String referralId = referralIdOf.apply(outcome.item());
      if (referralId != null) {
        // a referral sent several times (copies) counts as accepted if any copy got AA
        finalAckByReferral.merge(referralId, outcome.ack(), (a, b) -> "AA".equals(a) || "AA".equals(b) ? "AA" : b);
      }
    }
    int storedOnce = 0;
    int duplicates = 0;
    int lost = 0;
    for (Map.Entry<String, String> referral : finalAckByReferral.entrySet()) {
      int count = serviceRequests.getOrDefault(referral.getKey(), 0);
      if (count > 1) {
        duplicates++;
      } else if (count == 1) {
        storedOnce++;
      } else if ("AA".equals(referral.getValue())) {
        lost++;
      }
    }
    Figures figures = new Figures(scenario, finalAckByReferral.size(), outcomes.stream().mapToInt(o -> o.attempts()).sum(),
        count(outcomes, "AA"), (int) outcomes.stream().filter(ReferralStream.Outcome::sawAe).count(),
        count(outcomes, "AR"), count(outcomes, "NONE"), storedOnce, duplicates, lost, stuck, ledger.rejectedKept(), note);
    print(figures);
    return figures;
  }

  /** Fails the scenario on any loss, duplicate or stuck message. */
  static void assertNoLossNoDuplicate(Figures figures) {
    assertThat(figures.lost()).as("accepted referrals missing from the FHIR store").isZero();
    assertThat(figures.duplicates()).as("referrals stored more than once").isZero();
    assertThat(figures.stuck()).as("accepted messages not finished (queue or message store)").isZero();
  }

  private static int count(List<ReferralStream.Outcome> outcomes, String ack) {
    return (int) outcomes.stream().filter(o -> ack.equals(o.ack())).count();
  }

  /**
   * Waits (up to 8 minutes) until every message that got AA is finished and the inbound queue is empty; how many are
   * not (0).
   */
  int awaitSettled(List<ReferralStream.Outcome> outcomes) {
    Set<String> acceptedControlIds = outcomes.stream().filter(o -> "AA".equals(o.ack()))
        .map(o -> controlId(o.item())).filter(id -> id != null).collect(Collectors.toSet());
    AtomicInteger unfinished = new AtomicInteger(Integer.MAX_VALUE);
    try {
      Awaitility.await().atMost(Duration.ofMinutes(8)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            Set<String> open = new HashSet<>(acceptedControlIds);
            open.removeAll(ledger.finishedControlIds());
            unfinished.set(open.size() + (int) Math.max(0, ledger.inboundQueueDepth()));
            return unfinished.get() == 0;
          });
    } catch (ConditionTimeoutException stuck) {
      // reported as "stuck" in the table, and failed on by assertNoLossNoDuplicate
    }
    return unfinished.get();
  }

  /** The message store in the scenario's PostgreSQL database, the queue on its Artemis container. */
  private record ContainerLedger(PostgresServer database, String databaseName, ArtemisServer broker)
      implements Ledger {

    @Override
    public Set<String> finishedControlIds() {
      Set<String> finished = new HashSet<>();
      try (Connection connection = database.connect(databaseName); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT control_id, status FROM bridge_inbound_message")) {
        while (rows.next()) {
          if (FINISHED.contains(rows.getString(2))) {
            finished.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        // the database may be coming back: nothing counts as finished yet
      }
      return finished;
    }

    @Override
    public long inboundQueueDepth() {
      return broker.messageCount("referrals.inbound");
    }

    @Override
    public int rejectedKept() {
      try (Connection connection = database.connect(databaseName); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bridge_rejected_message")) {
        rows.next();
        return rows.getInt(1);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the rejected messages", e);
      }
    }
  }

  /** Every ServiceRequest's referral id (the sender-qualified identifier), with how many there are of each. */
  Map<String, Integer> serviceRequestsByReferralId() {
    IGenericClient client = fhir.client();
    Map<String, Integer> counts = new HashMap<>();
    Bundle page = client.search().forResource(ServiceRequest.class).count(200).elementsSubset("identifier")
        .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
    while (true) {
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        for (Identifier identifier : ((ServiceRequest) entry.getResource()).getIdentifier()) {
          if (referralSystem.equals(identifier.getSystem())) {
            counts.merge(identifier.getValue(), 1, Integer::sum);
          }
        }
      }
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return counts;
      }
      page = client.loadPage().next(page).execute();
    }
  }

  static String controlId(ReferralStream.Item item) {
    if (item.message() == null || !item.message().startsWith("MSH")) {
      return null;
    }
    String[] fields = item.message().split("\r", 2)[0].split("\\|", -1);
    return fields.length > 9 ? fields[9] : null;
  }

  static void print(Figures figures) {
    String text = Figures.header() + "\n" + figures.row() + "\n";
    System.out.println("\n" + text);
    try {
      Files.createDirectories(REPORT.getParent());
      boolean fresh = !Files.exists(REPORT);
      Files.writeString(REPORT, (fresh ? Figures.header() + "\n" : "") + figures.row() + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
