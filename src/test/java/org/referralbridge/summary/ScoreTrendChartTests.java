package org.referralbridge.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.referralbridge.infusion.Instrument;
import org.referralbridge.infusion.SampleSessions;

class ScoreTrendChartTests {

  /** The colour the chart gives PHQ-9 (ScoreTrendChart's palette). */
  private static final int PHQ9_BLUE = 0x1f5fa8;

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can decode").isNotNull();
    return image;
  }

  private static long pixelsOf(BufferedImage image, int rgb) {
    long count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void isAn800By400PngOfTheSeries() throws IOException {
    byte[] png = ScoreTrendChart.png(SampleSessions.series());
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
  }

  @Test
  void rendersHeadlessWithoutADisplay() {
    ScoreTrendChart.png(SampleSessions.series(), Instrument.PHQ9);
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void drawsOnlyTheInstrumentsAskedFor() throws IOException {
    long withPhq9 = pixelsOf(decode(ScoreTrendChart.png(SampleSessions.series(), Instrument.PHQ9)), PHQ9_BLUE);
    long withoutPhq9 = pixelsOf(decode(ScoreTrendChart.png(SampleSessions.series(), Instrument.MADRS)), PHQ9_BLUE);
    assertThat(withPhq9).isGreaterThan(500);
    assertThat(withoutPhq9).isZero();
  }

  @Test
  void theSeriesMayComeInAnyOrder() throws IOException {
    byte[] png = ScoreTrendChart.png(List.of(SampleSessions.session3(), SampleSessions.session1(),
        SampleSessions.session2()), Instrument.PHQ9);
    assertThat(pixelsOf(decode(png), PHQ9_BLUE)).isGreaterThan(500);
  }

  @Test
  void aSeriesWithoutScoresStillGivesAChart() throws IOException {
    BufferedImage image = decode(ScoreTrendChart.png(List.of()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
  }
}
