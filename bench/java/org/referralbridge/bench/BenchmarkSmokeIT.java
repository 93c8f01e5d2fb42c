package org.referralbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in smoke mode, so the harness keeps working: every phase runs against the packaged service and the
 * raw limits are measured, with tiny counts. Its figures are not checked (no timed assertions in tests): only that
 * each was measured, that every referral was accepted, and that the JSON is well-formed.
 */
class BenchmarkSmokeIT {

  @Test
  void everyPhaseOfTheBenchmarkRunsAndReportsItsFigures() throws Exception {
    Benchmark.Settings smoke = new Benchmark.Settings(true, 40, new int[] {20}, 1, 4, List.of("-Xmx768m"),
        Path.of("target", "bench-smoke"), 10, false);

    Report report = Benchmark.run(smoke);

    System.out.println(report.table());
    assertThat(report.rows()).extracting(Report.Row::section).containsSubsequence("start-up", "ingest",
        "end to end", "resources", "start-up", "raw limits");
    assertThat(report.rows()).filteredOn(r -> r.section().equals("start-up")).hasSize(4);
    assertThat(report.rows()).filteredOn(r -> r.section().equals("raw limits")).hasSize(5);
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.value()).as(row.measure()).doesNotContain("–"));
    assertThat(report.rows()).extracting(Report.Row::note).noneMatch(note -> note.contains("not AA"));

    JsonNode json = new ObjectMapper().readTree(report.json().toFile());
    assertThat(json.get("smoke").asBoolean()).isTrue();
    assertThat(json.get("results")).extracting(r -> r.get("kind").asText()).contains("startup", "ingest",
        "endToEnd", "resources", "raw");
    assertThat(json.get("results").findValues("acksPerSecond")).allSatisfy(v -> assertThat(v.asDouble())
        .isPositive());
  }
}
