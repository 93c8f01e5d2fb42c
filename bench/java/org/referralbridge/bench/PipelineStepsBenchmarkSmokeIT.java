package org.referralbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH microbenchmarks in smoke mode (in this JVM, no warm-up, one short iteration each), so they keep working:
 * every benchmark runs its set-up (which refuses a dirty referral that needs no repair) and reports a score. The
 * scores are not checked (no timed assertions in tests).
 */
class PipelineStepsBenchmarkSmokeIT {

  @Test
  void everyMicrobenchmarkRunsAndReportsAScore() throws Exception {
    Options smoke = new OptionsBuilder().include(PipelineStepsBenchmark.class.getName() + "\\.")
        .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(300))
        .shouldFailOnError(true).build();

    Collection<RunResult> results = new Runner(smoke).run();

    assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", "")).containsExactlyInAnyOrder(
        "intakeCheck", "translate", "bundleCopy", "validate", "repairGateClean", "repairGateDirty",
        "oidRegistryLoad");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
