package org.litmusfarm.dashboard.chart;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.dashboard.read.OutcomeCount;

/**
 * The geometry of a horizontal bar chart of outcome counts, drawn as SVG by a template: one bar
 * per outcome, coloured by class, on a logarithmic scale so that a WEAK outcome seen 40 times
 * beside an SC one seen 40 million times still shows. Every bar carries its exact count.
 */
public record Histogram(int width, int height, int labelWidth, int barLeft, List<Bar> bars) {
  static final int WIDTH = 760;
  static final int ROW = 22;
  static final int BAR_HEIGHT = 14;
  static final int TOP = 6;
  static final int COUNT_WIDTH = 110;
  static final double CHAR_WIDTH = 7.3;

  /** One outcome's bar; {@code y} is its top, {@code textY} the baseline of its labels. */
  public record Bar(String outcome, String outcomeClass, long count, int y, int textY, int length, String countText) {
    /** CSS class of the bar: sc, weak or forbidden. */
    public String css() {
      return outcomeClass.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The chart of {@code counts}, in their order. */
  public static Histogram of(List<OutcomeCount> counts) {
    int longest = counts.stream().mapToInt(c -> c.outcome().length()).max().orElse(10);
    int labelWidth = (int) Math.min(360, Math.max(120, longest * CHAR_WIDTH + 12));
    int barLeft = labelWidth + 8;
    int barSpace = WIDTH - barLeft - COUNT_WIDTH;
    double max = Math.log10(1 + counts.stream().mapToLong(OutcomeCount::count).max().orElse(0));
    List<Bar> bars = new ArrayList<>();
    int y = TOP;
    for (OutcomeCount c : counts) {
      int length = max == 0 || c.count() == 0 ? 0 : Math.max(2, (int) Math.round(barSpace * Math.log10(1 + c.count()) / max));
      bars.add(new Bar(c.outcome(), c.outcomeClass(), c.count(), y, y + BAR_HEIGHT - 3, length, String.format("%,d", c.count())));
      y += ROW;
    }
    return new Histogram(WIDTH, y + TOP, labelWidth, barLeft, bars);
  }
}
