package org.concord.response.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.pages.PageViews.BandLine;
import org.concord.response.pages.PageViews.Bands;
import org.junit.jupiter.api.Test;

/** The counts per part of the scale and the bar heights, worked out without a server. */
class FeedbackBandsTest {

  private static ScaleView scale(int min, int max, String agree, String disagree) {
    return new ScaleView(
        min, max, List.of(), true, "I cannot rate this", agree, disagree, false, "en", true, "en");
  }

  @Test
  void aSplitPanelIsCountedPerBandFromTheTopOfTheScaleDown() {
    Bands b =
        FeedbackChart.bands(
            List.of(0L, 0L, 7L, 0L, 0L, 0L, 0L, 10L, 0L),
            2,
            false,
            scale(1, 9, "7–9", "1–3"),
            "en");
    assertThat(b.n(), equalTo(17L));
    assertThat(b.unable(), equalTo(2L));
    assertThat(
        b.lines(),
        contains(
            new BandLine("agree", 10, 59, 7, 9),
            new BandLine("neither", 0, 0, 4, 6),
            new BandLine("disagree", 7, 41, 1, 3)));
  }

  @Test
  void pointsOutsideBothBandsAtTheEndOfTheScaleHaveALineOfTheirOwn() {
    Bands b =
        FeedbackChart.bands(
            List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L), 0, false, scale(1, 9, "7–8", "1–2"), "en");
    assertThat(
        b.lines(),
        contains(
            new BandLine("neither", 2, 20, 9, 9),
            new BandLine("agree", 2, 20, 7, 8),
            new BandLine("neither", 4, 40, 3, 6),
            new BandLine("disagree", 2, 20, 1, 2)));
  }

  @Test
  void unableToRateCountsInThePercentagesOnlyWhenTheProtocolSaysSo() {
    Bands b = FeedbackChart.bands(List.of(0L, 1L, 3L), 4, true, scale(1, 3, "3", "1"), "cy");
    assertThat(b.n(), equalTo(8L));
    assertThat(b.nPlural(), equalTo("other"));
    assertThat(b.unablePercent(), equalTo(50L));
    assertThat(b.unablePlural(), equalTo("other"));
    assertThat(b.lines().get(0), equalTo(new BandLine("agree", 3, 38, 3, 3)));
  }

  @Test
  void barsGrowInStepsOfFivePercentAndABarOfOnePersonStaysVisible() {
    assertThat(FeedbackChart.height(0, 40), equalTo(0));
    assertThat(FeedbackChart.height(1, 40), equalTo(5));
    assertThat(FeedbackChart.height(20, 40), equalTo(50));
    assertThat(FeedbackChart.height(40, 40), equalTo(100));
  }
}
