package org.concord.response.pages;

import java.util.ArrayList;
import java.util.List;
import org.concord.common.Plurals;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.GroupFeedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.pages.PageViews.BandLine;
import org.concord.response.pages.PageViews.Bands;
import org.concord.response.pages.PageViews.Bar;
import org.concord.response.pages.PageViews.FeedbackView;
import org.concord.response.pages.PageViews.GroupRow;

/**
 * The group's answer in the round before as a statement shows it: a bar chart and table of the
 * counts per point, and the counts per part of the scale (agree, neither, disagree) in words. A
 * median or quartiles are not shown to panelists: a split panel (7 at 3, 10 at 8) would read as a
 * middle nobody chose.
 */
final class FeedbackChart {

  /** Bar heights go in steps of 5% of the tallest bar: classes h0 … h100 in the stylesheet. */
  private static final int HEIGHT_STEP = 5;

  static final String AGREE = "agree";
  static final String NEITHER = "neither";
  static final String DISAGREE = "disagree";

  private FeedbackChart() {}

  /** The feedback of statement {@code number}, or null when the round before showed none. */
  static FeedbackView of(ItemView item, int number, ScaleView scale, String lang) {
    Feedback f = item.feedback();
    if (f == null) {
      return null;
    }
    List<Bar> bars = new ArrayList<>();
    Bands bands = null;
    if (f.counts() != null) {
      long most = f.counts().stream().mapToLong(Long::longValue).max().orElse(0);
      for (int i = 0; i < f.counts().size(); i++) {
        int value = scale.min() + i;
        long count = f.counts().get(i);
        bars.add(
            new Bar(
                value,
                PageModels.label(scale, value),
                count,
                height(count, most),
                f.ownRating() != null && f.ownRating() == value));
      }
      bands =
          bands(
              f.counts(),
              f.unableToRate() == null ? 0 : f.unableToRate(),
              Boolean.TRUE.equals(f.unableInPercentages()),
              scale,
              lang);
    }
    boolean counted = Boolean.TRUE.equals(f.unableInPercentages());
    long n = f.n() == null ? 0 : f.n();
    return new FeedbackView(
        f.round(),
        number,
        n,
        Plurals.category(lang, n),
        scale.min(),
        scale.max(),
        bars,
        bands,
        f.ownRating() != null || f.ownUnableToRate() != null,
        f.ownRating(),
        f.ownRating() == null ? null : PageModels.label(scale, f.ownRating()),
        Boolean.TRUE.equals(f.ownUnableToRate()),
        scale.unableToRateLabel(),
        groups(f.groups(), counted, scale, lang),
        f.comments() == null ? List.of() : f.comments());
  }

  private static List<GroupRow> groups(
      List<GroupFeedback> groups, boolean counted, ScaleView scale, String lang) {
    if (groups == null) {
      return List.of();
    }
    return groups.stream()
        .filter(g -> g.counts() != null)
        .map(
            g -> new GroupRow(g.group(), bands(g.counts(), g.unableToRate(), counted, scale, lang)))
        .toList();
  }

  /** The bar's height as a step of {@link #HEIGHT_STEP}%; a bar of one person stays visible. */
  static int height(long count, long most) {
    if (count == 0 || most == 0) {
      return 0;
    }
    long steps = Math.round((100.0 / HEIGHT_STEP) * count / most);
    return (int) Math.max(1, steps) * HEIGHT_STEP;
  }

  /**
   * The counts per part of the scale, from the top of the scale down, one line per run of points in
   * one part: on 1–9 with bands 7–9 and 1–3 that is 7–9, 4–6 and 1–3. The percentages are of those
   * who rated, or of everyone who answered when the protocol counts "unable to rate" in the
   * denominator.
   */
  static Bands bands(
      List<Long> counts, long unable, boolean unableCounted, ScaleView scale, String lang) {
    long rated = counts.stream().mapToLong(Long::longValue).sum();
    long n = unableCounted ? rated + unable : rated;
    List<BandLine> lines = new ArrayList<>();
    int high = scale.max();
    while (high >= scale.min()) {
      String kind = kind(high, scale);
      int low = high;
      long count = counts.get(high - scale.min());
      while (low - 1 >= scale.min() && kind(low - 1, scale).equals(kind)) {
        low--;
        count += counts.get(low - scale.min());
      }
      lines.add(new BandLine(kind, count, percent(count, n), low, high));
      high = low - 1;
    }
    return new Bands(
        n,
        Plurals.category(lang, n),
        rated,
        Plurals.category(lang, rated),
        unable,
        Plurals.category(lang, unable),
        percent(unable, n),
        unableCounted,
        lines);
  }

  /** Whole percentages, for reading; the report keeps the exact ones. */
  static long percent(long count, long n) {
    return n == 0 ? 0 : Math.round(100.0 * count / n);
  }

  private static String kind(int value, ScaleView scale) {
    if (BandRule.inBand(value, scale.agreeBand())) {
      return AGREE;
    }
    if (BandRule.inBand(value, scale.disagreeBand())) {
      return DISAGREE;
    }
    return NEITHER;
  }
}
