package org.referralbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.referralbridge.faults.RequiresDocker;

/**
 * The benchmark in smoke mode, so the harness keeps working: every phase runs against the packaged service and the
 * raw limits are measured, with tiny counts, on the embedded H2 and on PostgreSQL. Its figures are not checked (no
 * timed assertions in tests): only that each was measured, that every referral was accepted, and that the JSON is
 * well-formed.
 */
class BenchmarkSmokeIT {

  @Test
  void everyPhaseOfTheBenchmarkRunsAndReportsItsFigures() throws Exception {
    Report report = Benchmark.run(smoke(Database.H2));

    assertEveryPhaseMeasured(report, "h2");
    assertThat(report.rows()).extracting(Report.Row::measure).noneMatch(m -> m.startsWith("PostgreSQL database"));
  }

  /** The PostgreSQL option: the same phases, the service and the raw limits on databases of a container. */
  @Test
  @ExtendWith(RequiresDocker.class)
  void theBenchmarkRunsOnPostgresql() throws Exception {
    Report report = Benchmark.run(smoke(Database.POSTGRES));

    assertEveryPhaseMeasured(report, "postgres");
    assertThat(report.rows()).filteredOn(r -> r.measure().startsWith("PostgreSQL database")).singleElement()
        .satisfies(row -> assertThat(row.value()).endsWith(" MiB"));
  }

  private static Benchmark.Settings smoke(Database database) {
    return new Benchmark.Settings(true, 40, new int[] {20}, 1, 4, List.of("-Xmx768m"),
        Path.of("target", "bench-smoke"), 10, false, database);
  }

  private static void assertEveryPhaseMeasured(Report report, String database) throws Exception {
    System.out.println(report.table());
    assertThat(report.rows()).extracting(Report.Row::section).containsSubsequence("start-up", "ingest",
        "end to end", "resources", "start-up", "raw limits");
    assertThat(report.rows()).filteredOn(r -> r.section().equals("start-up")).hasSize(4);
    assertThat(report.rows()).filteredOn(r -> r.section().equals("raw limits")).hasSize(6);
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.value()).as(row.measure()).doesNotContain("–"));
    assertThat(report.rows()).extracting(Report.Row::note).noneMatch(note -> note.contains("not AA"));

    JsonNode json = new ObjectMapper().readTree(report.json().toFile());
    assertThat(json.get("smoke").asBoolean()).isTrue();
    assertThat(json.get("database").asText()).isEqualTo(database);
    assertThat(json.get("results")).extracting(r -> r.get("kind").asText()).contains("startup", "ingest",
        "endToEnd", "resources", "raw");
    assertThat(json.get("results").findValues("acksPerSecond")).allSatisfy(v -> assertThat(v.asDouble())
        .isPositive());
  }
}
