package org.referralbridge.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.Instrument;

/**
 * One instrument's scores across a series. Baseline: the first pre-session score in the series (normally session
 * 1's). Latest: the last score recorded, the post score of a session when there is one. Response: the latest score
 * at least 50% below baseline, for instruments where response applies.
 */
record ScoreTrend(Instrument instrument, List<Point> points, Point baselinePoint, Integer baseline, Integer latest) {

  /** One session's scores of the instrument. */
  record Point(InfusionSession session, Integer pre, Integer post) {
    /** The score this session ended with: post, or pre when no post score was taken. */
    Integer last() {
      return post != null ? post : pre;
    }
  }

  /** The trends of every instrument scored in {@code series} (sorted by session number), in instrument order. */
  static List<ScoreTrend> of(List<InfusionSession> series) {
    List<ScoreTrend> trends = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      List<Point> points = new ArrayList<>();
      for (InfusionSession session : series) {
        session.score(instrument).ifPresent(pair -> points.add(new Point(session, pair.pre(), pair.post())));
      }
      if (points.isEmpty()) {
        continue;
      }
      Point baselinePoint = points.stream().filter(p -> p.pre() != null).findFirst().orElse(null);
      Integer baseline = baselinePoint == null ? null : baselinePoint.pre();
      Integer latest = points.get(points.size() - 1).last();
      trends.add(new ScoreTrend(instrument, List.copyOf(points), baselinePoint, baseline, latest));
    }
    return trends;
  }

  /** Percent change of {@code score} from baseline, rounded half up; null without a baseline above 0. */
  Integer percentChange(Integer score) {
    if (score == null || baseline == null || baseline == 0) {
      return null;
    }
    return BigDecimal.valueOf((long) (score - baseline) * 100)
        .divide(BigDecimal.valueOf(baseline), 0, RoundingMode.HALF_UP).intValueExact();
  }

  /** Whether the latest score is at least half below baseline (only where response applies). */
  boolean response() {
    return instrument.responseApplies() && baseline != null && baseline > 0 && latest != null
        && (baseline - latest) * 2 >= baseline;
  }

  /** "-64%", "+5%", "0%"; "n/a" when there is no baseline above 0. */
  static String formatChange(Integer percent) {
    if (percent == null) {
      return "n/a";
    }
    return (percent > 0 ? "+" : "") + percent + "%";
  }
}
