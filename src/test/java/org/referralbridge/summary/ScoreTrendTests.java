package org.referralbridge.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.referralbridge.infusion.Drug;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.Instrument;
import org.referralbridge.infusion.Route;
import org.referralbridge.infusion.SampleSessions;

class ScoreTrendTests {

  private static InfusionSession session(int number, Instrument instrument, Integer pre, Integer post) {
    return InfusionSession.builder(number, OffsetDateTime.parse("2026-11-03T09:00:00-08:00").plusDays(number))
        .durationMinutes(40).drug(Drug.KETAMINE_RACEMIC, Route.IV).dose("36", "72")
        .score(instrument, pre, post).build();
  }

  private static ScoreTrend trend(Instrument instrument, List<InfusionSession> series) {
    return ScoreTrend.of(series).stream().filter(t -> t.instrument() == instrument).findFirst().orElseThrow();
  }

  @Test
  void baselineIsTheFirstPreScoreAndLatestTheLastScoreRecorded() {
    ScoreTrend phq9 = trend(Instrument.PHQ9, SampleSessions.series());
    assertThat(phq9.baseline()).isEqualTo(22);
    assertThat(phq9.latest()).isEqualTo(8);
    assertThat(phq9.percentChange(phq9.latest())).isEqualTo(-64);
    assertThat(phq9.response()).isTrue();
    assertThat(phq9.points()).hasSize(3);
  }

  @Test
  void onlyInstrumentsThatWereScoredHaveATrendInInstrumentOrder() {
    assertThat(ScoreTrend.of(SampleSessions.series())).extracting(ScoreTrend::instrument)
        .containsExactly(Instrument.PHQ9, Instrument.GAD7, Instrument.MADRS, Instrument.CSSRS);
  }

  @ParameterizedTest(name = "baseline {0}, latest {1}: response {2}")
  @CsvSource({"20, 10, true", "20, 11, false", "21, 10, true", "21, 11, false", "5, 0, true", "10, 12, false"})
  void responseIsAReductionOfAtLeastHalfFromBaseline(int baseline, int latest, boolean response) {
    ScoreTrend trend = trend(Instrument.PHQ9, List.of(session(1, Instrument.PHQ9, baseline, null),
        session(2, Instrument.PHQ9, null, latest)));
    assertThat(trend.response()).isEqualTo(response);
  }

  @Test
  void aBaselineOfZeroHasNoPercentChangeAndNoResponse() {
    ScoreTrend trend = trend(Instrument.GAD7, List.of(session(1, Instrument.GAD7, 0, 0)));
    assertThat(trend.percentChange(0)).isNull();
    assertThat(ScoreTrend.formatChange(null)).isEqualTo("n/a");
    assertThat(trend.response()).isFalse();
  }

  @Test
  void theCssrsNeverCountsAsAResponse() {
    ScoreTrend trend = trend(Instrument.CSSRS, List.of(session(1, Instrument.CSSRS, 4, 0)));
    assertThat(trend.response()).isFalse();
    assertThat(Narratives.verdict(trend)).endsWith("response does not apply to this instrument.");
  }

  @Test
  void aSeriesWithoutAPreScoreHasNoBaseline() {
    ScoreTrend trend = trend(Instrument.MADRS, List.of(session(1, Instrument.MADRS, null, 20)));
    assertThat(trend.baseline()).isNull();
    assertThat(trend.response()).isFalse();
    assertThat(Narratives.verdict(trend)).isEqualTo("MADRS: no score before an infusion yet, so no baseline.");
  }

  @Test
  void percentChangeIsRoundedHalfUpAndSigned() {
    ScoreTrend trend = trend(Instrument.PHQ9, List.of(session(1, Instrument.PHQ9, 8, null)));
    assertThat(trend.percentChange(7)).isEqualTo(-13); // -12.5
    assertThat(trend.percentChange(9)).isEqualTo(13);  // +12.5
    assertThat(ScoreTrend.formatChange(13)).isEqualTo("+13%");
    assertThat(ScoreTrend.formatChange(-64)).isEqualTo("-64%");
    assertThat(ScoreTrend.formatChange(0)).isEqualTo("0%");
  }
}
