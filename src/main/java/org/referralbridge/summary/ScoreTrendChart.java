package org.referralbridge.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.Instrument;

/**
 * The picture of a series: outcome scores by session number, a solid line of the scores before each infusion and a
 * dashed one of the scores after, one colour per instrument. Rendered headless (no display needed) as an 800x400 PNG.
 */
public final class ScoreTrendChart {

  public static final int WIDTH = 800;
  public static final int HEIGHT = 400;

  private static final Map<Instrument, Color> COLOURS = new EnumMap<>(Map.of(
      Instrument.PHQ9, new Color(0x1f, 0x5f, 0xa8),
      Instrument.GAD7, new Color(0x2e, 0x8b, 0x57),
      Instrument.PCL5, new Color(0x7b, 0x3f, 0x9e),
      Instrument.MADRS, new Color(0xd9, 0x6c, 0x00),
      Instrument.CSSRS, new Color(0xb2, 0x22, 0x22)));
  private static final BasicStroke SOLID = new BasicStroke(2.5f);
  private static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 5f}, 0f);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ScoreTrendChart() {}

  /**
   * @param series the sessions of the series, in any order
   * @param instruments the instruments to draw; none: every instrument scored in the series
   * @return PNG bytes, {@value #WIDTH}x{@value #HEIGHT}
   */
  public static byte[] png(List<InfusionSession> series, Instrument... instruments) {
    List<InfusionSession> sorted = new ArrayList<>(series);
    sorted.sort(Comparator.comparingInt(InfusionSession::sessionNumber));
    List<Instrument> drawn = instruments.length > 0 ? List.copyOf(Arrays.asList(instruments))
        : Arrays.stream(Instrument.values())
            .filter(i -> sorted.stream().anyMatch(s -> s.score(i).isPresent())).toList();

    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Instrument> seriesInstrument = new ArrayList<>();
    List<Boolean> seriesIsPost = new ArrayList<>();
    for (Instrument instrument : drawn) {
      XYSeries pre = new XYSeries(instrument.label() + " before", true, false);
      XYSeries post = new XYSeries(instrument.label() + " after", true, false);
      for (InfusionSession session : sorted) {
        session.score(instrument).ifPresent(pair -> {
          if (pair.pre() != null) {
            pre.add(session.sessionNumber(), pair.pre());
          }
          if (pair.post() != null) {
            post.add(session.sessionNumber(), pair.post());
          }
        });
      }
      for (XYSeries s : List.of(pre, post)) {
        if (s.getItemCount() > 0) {
          dataset.addSeries(s);
          seriesInstrument.add(instrument);
          seriesIsPost.add(s == post);
        }
      }
    }

    JFreeChart chart = ChartFactory.createXYLineChart("Outcome scores across the series", "Session", "Score",
        dataset, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, COLOURS.get(seriesInstrument.get(i)));
      renderer.setSeriesStroke(i, seriesIsPost.get(i) ? DASHED : SOLID);
    }
    plot.setRenderer(renderer);
    NumberAxis sessions = (NumberAxis) plot.getDomainAxis();
    sessions.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int last = sorted.isEmpty() ? 1 : sorted.get(sorted.size() - 1).sessionNumber();
    int first = sorted.isEmpty() ? 1 : sorted.get(0).sessionNumber();
    sessions.setRange(first - 0.25, Math.max(last, first + 1) + 0.25);
    NumberAxis scores = (NumberAxis) plot.getRangeAxis();
    scores.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    scores.setAutoRangeIncludesZero(true);
    if (dataset.getSeriesCount() == 0) {
      chart.addSubtitle(new TextTitle("No scores recorded yet"));
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
