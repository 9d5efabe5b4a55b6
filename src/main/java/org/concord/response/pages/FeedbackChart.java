package org.concord.response.pages;

import java.util.ArrayList;
import java.util.List;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.pages.PageViews.Bar;
import org.concord.response.pages.PageViews.FeedbackView;
import org.concord.response.pages.PageViews.GroupRow;

/**
 * The group's answer in the round before, laid out as the bar chart and table a statement shows:
 * the geometry is worked out here so the template only places what it is given.
 */
final class FeedbackChart {

  private static final int BAR_WIDTH = 36;
  private static final int BAR_GAP = 8;
  private static final int BAR_TOP = 20;
  private static final int BAR_MAX_HEIGHT = 100;

  private FeedbackChart() {}

  /** The statement's feedback, or null when the round before showed none. */
  static FeedbackView of(ItemView item, ScaleView scale) {
    Feedback f = item.feedback();
    if (f == null) {
      return null;
    }
    List<Bar> bars = new ArrayList<>();
    if (f.counts() != null) {
      long most = f.counts().stream().mapToLong(Long::longValue).max().orElse(0);
      for (int i = 0; i < f.counts().size(); i++) {
        int value = scale.min() + i;
        long count = f.counts().get(i);
        int height = most == 0 ? 0 : (int) Math.round((double) BAR_MAX_HEIGHT * count / most);
        bars.add(
            new Bar(
                value,
                PageModels.label(scale, value),
                count,
                f.percents() == null ? "" : number(f.percents().get(i)),
                BAR_GAP + i * (BAR_WIDTH + BAR_GAP),
                BAR_TOP + BAR_MAX_HEIGHT - height,
                BAR_WIDTH,
                height,
                BAR_GAP + i * (BAR_WIDTH + BAR_GAP) + BAR_WIDTH / 2,
                BAR_TOP + BAR_MAX_HEIGHT - height - 4,
                f.ownRating() != null && f.ownRating() == value));
      }
    }
    boolean ownUnable = Boolean.TRUE.equals(f.ownUnableToRate());
    return new FeedbackView(
        f.round(),
        f.n() == null ? 0 : f.n(),
        scale.min(),
        scale.max(),
        chartWidth(scale.max() - scale.min() + 1),
        bars,
        f.median() == null ? null : number(f.median()),
        f.q1() == null ? null : number(f.q1()),
        f.q3() == null ? null : number(f.q3()),
        f.ownRating() != null || f.ownUnableToRate() != null,
        f.ownRating(),
        f.ownRating() == null ? null : PageModels.label(scale, f.ownRating()),
        ownUnable,
        scale.unableToRateLabel(),
        f.groups() == null
            ? List.of()
            : f.groups().stream()
                .map(
                    g ->
                        new GroupRow(
                            g.group(),
                            g.n(),
                            g.median() == null ? "–" : number(g.median()),
                            g.q1() == null ? "–" : number(g.q1()),
                            g.q3() == null ? "–" : number(g.q3())))
                .toList(),
        f.comments() == null ? List.of() : f.comments());
  }

  /** 6.0 as "6", 6.5 as "6.5": how people write ratings. */
  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.valueOf(Math.round(value * 10) / 10.0);
  }

  private static int chartWidth(int points) {
    return BAR_GAP + points * (BAR_WIDTH + BAR_GAP);
  }
}
