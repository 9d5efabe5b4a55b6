package org.concord.consensus;

import static org.concord.consensus.TestScales.ONE_TO_FIVE;
import static org.concord.consensus.TestScales.ONE_TO_NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Panels at the edges: nobody, one person, unanimity, only "unable to rate", half-point medians.
 */
class EdgeCaseTest {

  private static final double EPS = 1e-9;

  private static ConsensusEngine engine(ConsensusRule rule, ConsensusOptions options) {
    return new ConsensusEngine(ONE_TO_NINE, rule, options);
  }

  private static Decision decide(ConsensusRule rule, ConsensusOptions options, Histogram h) {
    ConsensusEngine e = engine(rule, options);
    return e.decide(e.statistics(h));
  }

  @Test
  void noRatingsGiveNoStatisticsAndNoConsensusUnderEveryRule() {
    Histogram empty = Histogram.empty(ONE_TO_NINE);
    ItemStatistics s = ItemStatistics.of(empty, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(0, s.n());
    assertTrue(Double.isNaN(s.median()));
    assertTrue(Double.isNaN(s.iqr()));
    assertTrue(Double.isNaN(s.mean()));
    assertTrue(Double.isNaN(s.sd()));
    // Percentages of nothing are reported as 0, never NaN, so that a report can print them.
    assertEquals(0, s.percentAgree());
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      Decision d = decide(rule, ConsensusOptions.defaults(), empty);
      assertEquals(Outcome.NO_CONSENSUS, d.outcome(), rule.toString());
      assertEquals("no ratings: no consensus", d.reason());
    }
  }

  @Test
  void oneRatingIsItsOwnMedianWithoutSpreadOrSd() {
    Histogram one = Histogram.fromRatings(ONE_TO_NINE, 8);
    for (QuantileMethod method : QuantileMethod.values()) {
      ItemStatistics s = ItemStatistics.of(one, method, DenominatorPolicy.EXCLUDE);
      assertEquals(8, s.median(), EPS);
      assertEquals(0, s.iqr(), EPS);
      assertEquals(0, s.ipr(), EPS);
      assertEquals(8, s.mean(), EPS);
      assertTrue(Double.isNaN(s.sd()));
    }
    // Without a minimum n, one person is a panel: every rule agrees with them.
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      assertEquals(
          Outcome.CONSENSUS_IN,
          decide(rule, ConsensusOptions.defaults(), one).outcome(),
          rule.toString());
    }
  }

  @Test
  void unanimityOnTheMidpointIsNoConsensus() {
    Histogram fives = Histogram.empty(ONE_TO_NINE).with(5, 20);
    ItemStatistics s = ItemStatistics.of(fives, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(5, s.median(), EPS);
    assertEquals(0, s.iqr(), EPS);
    assertEquals(0, s.sd(), EPS);
    assertEquals(2.35, s.ipras(), EPS);
    // Everyone agrees on "uncertain": agreement about the rating, not consensus on the statement.
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      assertEquals(
          Outcome.NO_CONSENSUS,
          decide(rule, ConsensusOptions.defaults(), fives).outcome(),
          rule.toString());
    }
  }

  @Test
  void unanimityInTheDisagreeBandIsConsensusOutUnderEveryRule() {
    Histogram twos = Histogram.empty(ONE_TO_NINE).with(2, 20);
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      assertEquals(
          Outcome.CONSENSUS_OUT,
          decide(rule, ConsensusOptions.defaults(), twos).outcome(),
          rule.toString());
    }
  }

  @Test
  void onlyUnableToRateAnswersAreNoRatingsUnderTheDefaultPolicy() {
    Histogram unable = Histogram.empty(ONE_TO_NINE).with(null, 5);
    ItemStatistics s = ItemStatistics.of(unable, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(0, s.n());
    assertEquals(5, s.unableToRate());
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      assertEquals(
          "no ratings: no consensus", decide(rule, ConsensusOptions.defaults(), unable).reason());
    }
  }

  @Test
  void onlyUnableToRateAnswersCountedAsNeutralGiveNoConsensusUnderEveryRule() {
    Histogram unable = Histogram.empty(ONE_TO_NINE).with(null, 5);
    ConsensusOptions neutral = TestScales.withPolicy(DenominatorPolicy.INCLUDE_AS_NEUTRAL);
    for (ConsensusRule rule : TestScales.rulesFor(ONE_TO_NINE)) {
      assertEquals(Outcome.NO_CONSENSUS, decide(rule, neutral, unable).outcome(), rule.toString());
    }
    // The median rules have nothing to take a median of, and say so.
    assertEquals(
        "no ratings on the scale: no consensus",
        decide(new ConsensusRule.MedianIqr(1), neutral, unable).reason());
    assertEquals(
        "no ratings on the scale: no consensus",
        decide(new ConsensusRule.RandUcla(), neutral, unable).reason());
  }

  @Test
  void onlyUnableToRateAnswersCountedAgainstTheStatementAreConsensusOut() {
    // The INCLUDE_AS_DISAGREE policy counts each unable answer as disagreement (DESIGN §4), so
    // a statement nobody could rate is rejected by the percentage rules. Pinned here so that a
    // change of mind is deliberate.
    Histogram unable = Histogram.empty(ONE_TO_NINE).with(null, 5);
    ConsensusOptions against = TestScales.withPolicy(DenominatorPolicy.INCLUDE_AS_DISAGREE);
    assertEquals(
        Outcome.CONSENSUS_OUT, decide(new ConsensusRule.Comet(70, 15), against, unable).outcome());
    assertEquals(
        Outcome.NO_CONSENSUS, decide(new ConsensusRule.MedianIqr(1), against, unable).outcome());
  }

  @Test
  void aGroupWithNoRatingsIsShownButNeitherRequiredNorDivergent() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", Histogram.empty(ONE_TO_NINE).with(8, 12));
    groups.put("Carers", Histogram.empty(ONE_TO_NINE).with(null, 2));
    ConsensusEngine e =
        new ConsensusEngine(
            ONE_TO_NINE,
            new ConsensusRule.Comet(70, 15),
            new ConsensusOptions(0, true, 1, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE));
    ItemResult result = e.evaluate(groups.get("Practitioners").plus(groups.get("Carers")), groups);
    GroupResult carers = result.groups().get(1);
    assertEquals(0, carers.statistics().n());
    assertEquals("no ratings: no consensus", carers.decision().reason());
    assertFalse(carers.required());
    assertFalse(result.divergent());
    assertEquals(Outcome.CONSENSUS_IN, result.outcome());
  }

  @Test
  void aMedianOfSixAndAHalfIsInNoBand() {
    // 6,6,6,7,7,7: median 6.5; type 7 Q1 6, Q3 7 (IQR 1); P30 6, P70 7 (IPR 1, IPRAS 4.6).
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 6, 6, 6, 7, 7, 7);
    ItemStatistics s = ItemStatistics.of(h, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
    assertEquals(6.5, s.median(), EPS);
    assertEquals(1, s.iqr(), EPS);
    assertEquals(1, s.ipr(), EPS);
    assertEquals(4.6, s.ipras(), EPS);

    Decision medianIqr = decide(new ConsensusRule.MedianIqr(1), ConsensusOptions.defaults(), h);
    assertEquals(Outcome.NO_CONSENSUS, medianIqr.outcome());
    assertEquals(
        "median 6.5, IQR 1; the median is in neither band: no consensus", medianIqr.reason());

    Decision rand = decide(new ConsensusRule.RandUcla(), ConsensusOptions.defaults(), h);
    assertEquals(Outcome.NO_CONSENSUS, rand.outcome());
    // Not "in 4–6": 6.5 is between bands, which is what makes it uncertain.
    assertEquals(
        "median 6.5, IPR 1, IPRAS 4.6; median in neither 1–3 nor 7–9 (uncertain): no consensus",
        rand.reason());
  }

  @Test
  void aMedianOfThreeAndAHalfIsInNoBandEither() {
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 3, 3, 3, 4, 4, 4);
    assertEquals(
        Outcome.NO_CONSENSUS,
        decide(new ConsensusRule.RandUcla(), ConsensusOptions.defaults(), h).outcome());
    assertEquals(
        Outcome.NO_CONSENSUS,
        decide(new ConsensusRule.MedianIqr(1), ConsensusOptions.defaults(), h).outcome());
  }

  @Test
  void typeSixClampsToTheSmallestAndLargestRating() {
    // n = 2: (n + 1)·0.25 = 0.75 < 1 and (n + 1)·0.75 = 2.25 > 2, so Q1 = x1 and Q3 = x2.
    Histogram h = Histogram.fromRatings(ONE_TO_FIVE, 2, 5);
    ItemStatistics s = ItemStatistics.of(h, QuantileMethod.TYPE_6, DenominatorPolicy.EXCLUDE);
    assertEquals(2, s.q1(), EPS);
    assertEquals(5, s.q3(), EPS);
    assertEquals(3.5, s.median(), EPS);
  }
}
