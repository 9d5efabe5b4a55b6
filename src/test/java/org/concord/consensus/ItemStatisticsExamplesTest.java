package org.concord.consensus;

import static org.concord.consensus.TestScales.ONE_TO_FIVE;
import static org.concord.consensus.TestScales.ONE_TO_NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Statistics worked by hand on small panels (DESIGN §4). */
class ItemStatisticsExamplesTest {

  private static final double EPS = 1e-9;

  // 2,3,4,4,4,4,5,5,5,5 on 1–5 with the agree band 4–5: the example of the brief.
  private static final Histogram TEN_RATINGS =
      Histogram.fromRatings(ONE_TO_FIVE, 2, 3, 4, 4, 4, 4, 5, 5, 5, 5);

  @Test
  void typeSevenQuartilesInterpolateBetweenOrderStatistics() {
    ItemStatistics s =
        ItemStatistics.of(TEN_RATINGS, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    // h = 9·0.5 + 1 = 5.5 between x5 = 4 and x6 = 4; Q1: h = 3.25 → x3 = x4 = 4; Q3: h = 7.75 → 5.
    assertEquals(4, s.median(), EPS);
    assertEquals(4, s.q1(), EPS);
    assertEquals(5, s.q3(), EPS);
    assertEquals(1, s.iqr(), EPS);
  }

  @Test
  void typeSixQuartilesUseNPlusOne() {
    ItemStatistics s =
        ItemStatistics.of(TEN_RATINGS, QuantileMethod.TYPE_6, DenominatorPolicy.EXCLUDE);
    // Q1: h = 11·0.25 = 2.75 → 3 + 0.75·(4 − 3) = 3.75; Q3: h = 8.25 → x8 = x9 = 5.
    assertEquals(4, s.median(), EPS);
    assertEquals(3.75, s.q1(), EPS);
    assertEquals(5, s.q3(), EPS);
    assertEquals(1.25, s.iqr(), EPS);
  }

  @Test
  void percentagesCountTheBandsOverN() {
    ItemStatistics s =
        ItemStatistics.of(TEN_RATINGS, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(10, s.n());
    assertEquals(8, s.agreeCount());
    assertEquals(1, s.disagreeCount());
    assertEquals(80, s.percentAgree(), EPS);
    assertEquals(10, s.percentDisagree(), EPS);
    assertEquals(10, s.percentNeutral(), EPS);
    // mean 41/10; SD² = (Σx² − n·mean²)/(n − 1) = (177 − 168.1)/9
    assertEquals(4.1, s.mean(), EPS);
    assertEquals(Math.sqrt(8.9 / 9), s.sd(), EPS);
    assertEquals(40, s.percentOf(4, ONE_TO_FIVE), EPS);
  }

  @Test
  void percentilesThirtyAndSeventyFeedTheRandUclaIndex() {
    // 6,7,7,8,8,8,8,9,9,9: P30 at h = 3.7 → 7 + 0.7 = 7.7; P70 at h = 7.3 → 8 + 0.3 = 8.3.
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 6, 7, 7, 8, 8, 8, 8, 9, 9, 9);
    ItemStatistics s = ItemStatistics.of(h, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(7.7, s.p30(), EPS);
    assertEquals(8.3, s.p70(), EPS);
    assertEquals(0.6, s.ipr(), EPS);
    // IPRCP = 8, AI = 3, IPRAS = 2.35 + 4.5
    assertEquals(6.85, s.ipras(), EPS);
    assertEquals(0.6 / 6.85, s.disagreementIndex(), EPS);
  }

  @Test
  void denominatorPolicyDecidesWhereUnableToRateAnswersGo() {
    // 15 agree, 3 neutral, 2 disagree on 1–5, plus 2 unable to rate.
    Histogram h = Histogram.of(ONE_TO_FIVE, 2, 1, 1, 3, 5, 10);

    ItemStatistics excluded =
        ItemStatistics.of(h, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(20, excluded.n());
    assertEquals(75, excluded.percentAgree(), EPS);
    assertEquals(10, excluded.percentDisagree(), EPS);

    ItemStatistics neutral =
        ItemStatistics.of(h, QuantileMethod.TYPE_7, DenominatorPolicy.INCLUDE_AS_NEUTRAL);
    assertEquals(22, neutral.n());
    assertEquals(100.0 * 15 / 22, neutral.percentAgree(), EPS);
    assertEquals(100.0 * 2 / 22, neutral.percentDisagree(), EPS);
    assertEquals(100.0 * 5 / 22, neutral.percentNeutral(), EPS);

    ItemStatistics against =
        ItemStatistics.of(h, QuantileMethod.TYPE_7, DenominatorPolicy.INCLUDE_AS_DISAGREE);
    assertEquals(22, against.n());
    assertEquals(4, against.disagreeCount());
    assertEquals(100.0 * 4 / 22, against.percentDisagree(), EPS);
    assertEquals(100.0 * 3 / 22, against.percentNeutral(), EPS);

    // The quantiles come from the ratings on the scale whatever the policy.
    assertEquals(excluded.median(), against.median(), EPS);
    assertEquals(20, against.rated());
    assertEquals(2, against.unableToRate());
  }
}
