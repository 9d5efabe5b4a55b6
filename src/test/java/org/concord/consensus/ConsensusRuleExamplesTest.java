package org.concord.consensus;

import static org.concord.consensus.TestScales.ONE_TO_FIVE;
import static org.concord.consensus.TestScales.ONE_TO_NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each rule of DESIGN §4 on panels small enough to check by hand. */
class ConsensusRuleExamplesTest {

  private static final double EPS = 1e-9;

  private static Decision decide(
      Scale scale, ConsensusRule rule, ConsensusOptions options, Histogram h) {
    ConsensusEngine engine = new ConsensusEngine(scale, rule, options);
    return engine.decide(engine.statistics(h));
  }

  private static Decision decide(Scale scale, ConsensusRule rule, Histogram h) {
    return decide(scale, rule, ConsensusOptions.defaults(), h);
  }

  /** n = 20 on 1–9: {@code agree} ratings of 8, {@code disagree} of 2, the rest 5. */
  private static Histogram twenty(int agree, int disagree) {
    return Histogram.empty(ONE_TO_NINE)
        .with(8, agree)
        .with(2, disagree)
        .with(5, 20 - agree - disagree);
  }

  // COMET / GRADE 70 / 15

  @Test
  void cometNeedsSeventyPercentAgreementAndDisagreementUnderTheLimit() {
    Decision d = decide(ONE_TO_NINE, new ConsensusRule.Comet(70, 15), twenty(14, 2));
    assertEquals(Outcome.CONSENSUS_IN, d.outcome());
    assertEquals("70% rated 7–9 and 10% rated 1–3: consensus in", d.reason());
  }

  @Test
  void cometNeedsDisagreementUnderTheLimit() {
    // 3 of 20 is 15%, which is not under 15%.
    Decision d = decide(ONE_TO_NINE, new ConsensusRule.Comet(70, 15), twenty(14, 3));
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals("70% rated 7–9 and 15% rated 1–3; 15% is not under 15%: no consensus", d.reason());
  }

  @Test
  void cometMissesConsensusOneRatingBelowSeventyPercent() {
    Decision d = decide(ONE_TO_NINE, new ConsensusRule.Comet(70, 15), twenty(13, 2));
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals(
        "65% rated 7–9 and 10% rated 1–3; neither band reached 70%: no consensus", d.reason());
  }

  @Test
  void cometReachesConsensusOutOnTheMirrorImage() {
    Decision d = decide(ONE_TO_NINE, new ConsensusRule.Comet(70, 15), twenty(2, 14));
    assertEquals(Outcome.CONSENSUS_OUT, d.outcome());
    assertEquals("10% rated 7–9 and 70% rated 1–3: consensus out", d.reason());
  }

  @Test
  void cometDescribesBothBoundsForTheReport() {
    assertEquals(
        "COMET/GRADE: consensus in when at least 70% rate 7–9 and fewer than 15% rate 1–3;"
            + " consensus out when at least 70% rate 1–3 and fewer than 15% rate 7–9.",
        new ConsensusRule.Comet(70, 15).describe(ONE_TO_NINE));
  }

  // Percent agreement

  @Test
  void percentAgreementAtLeastCountsTheThresholdItself() {
    // 15 of 20 in 4–5 is exactly 75%.
    Histogram h = Histogram.of(ONE_TO_FIVE, 0, 1, 1, 3, 5, 10);
    Decision d =
        decide(ONE_TO_FIVE, new ConsensusRule.PercentAgreement(75, Comparison.AT_LEAST), h);
    assertEquals(Outcome.CONSENSUS_IN, d.outcome());
    assertEquals("75% rated 4–5 and 10% rated 1–2 (agreement ≥ 75%): consensus in", d.reason());
  }

  @Test
  void percentAgreementMoreThanExcludesTheThresholdItself() {
    Histogram h = Histogram.of(ONE_TO_FIVE, 0, 1, 1, 3, 5, 10);
    Decision d =
        decide(ONE_TO_FIVE, new ConsensusRule.PercentAgreement(75, Comparison.MORE_THAN), h);
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals(
        "75% rated 4–5 and 10% rated 1–2; neither reached > 75%: no consensus", d.reason());
    // One more agreeing rater (16 of 21 = 76.2%) is strictly more than 75%.
    assertEquals(
        Outcome.CONSENSUS_IN,
        decide(
                ONE_TO_FIVE,
                new ConsensusRule.PercentAgreement(75, Comparison.MORE_THAN),
                h.with(5, 1))
            .outcome());
  }

  @Test
  void percentAgreementReachesConsensusOutOnDisagreementAtTheThreshold() {
    Histogram h = Histogram.of(ONE_TO_FIVE, 0, 10, 5, 3, 1, 1);
    assertEquals(
        Outcome.CONSENSUS_OUT,
        decide(ONE_TO_FIVE, new ConsensusRule.PercentAgreement(75, Comparison.AT_LEAST), h)
            .outcome());
    assertEquals(
        Outcome.NO_CONSENSUS,
        decide(ONE_TO_FIVE, new ConsensusRule.PercentAgreement(75, Comparison.MORE_THAN), h)
            .outcome());
  }

  // Median + IQR

  @Test
  void medianIqrIsInWhenTheMedianIsInTheAgreeBandAndTheIqrSmall() {
    Histogram h = Histogram.fromRatings(ONE_TO_FIVE, 2, 3, 4, 4, 4, 4, 5, 5, 5, 5);
    Decision d = decide(ONE_TO_FIVE, new ConsensusRule.MedianIqr(1), h);
    assertEquals(Outcome.CONSENSUS_IN, d.outcome());
    assertEquals("median 4, IQR 1 (IQR ≤ 1, median in 4–5): consensus in", d.reason());
  }

  @Test
  void medianIqrDependsOnTheQuantileMethod() {
    // The same ratings under type 6 have IQR 1.25 > 1.
    Histogram h = Histogram.fromRatings(ONE_TO_FIVE, 2, 3, 4, 4, 4, 4, 5, 5, 5, 5);
    Decision d =
        decide(
            ONE_TO_FIVE,
            new ConsensusRule.MedianIqr(1),
            TestScales.withMethod(QuantileMethod.TYPE_6),
            h);
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals("median 4, IQR 1.25; IQR above 1: no consensus", d.reason());
  }

  @Test
  void medianIqrIsOutWhenTheMedianIsInTheDisagreeBand() {
    // 1,1,2,2,2,2,3: median x4 = 2; Q1 at h = 2.5 → 1.5; Q3 at h = 5.5 → 2; IQR 0.5.
    Histogram h = Histogram.fromRatings(ONE_TO_FIVE, 1, 1, 2, 2, 2, 2, 3);
    Decision d = decide(ONE_TO_FIVE, new ConsensusRule.MedianIqr(1), h);
    assertEquals(Outcome.CONSENSUS_OUT, d.outcome());
    assertEquals("median 2, IQR 0.5 (IQR ≤ 1, median in 1–2): consensus out", d.reason());
  }

  @Test
  void medianIqrHasNoConsensusWhenTheMedianIsInNeitherBand() {
    Histogram h = Histogram.fromRatings(ONE_TO_FIVE, 2, 3, 3, 3, 3, 4);
    Decision d = decide(ONE_TO_FIVE, new ConsensusRule.MedianIqr(1), h);
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals("median 3, IQR 0; the median is in neither band: no consensus", d.reason());
  }

  // RAND/UCLA

  @Test
  void randUclaIsInForAHighMedianWithoutDisagreement() {
    // P30 7.7, P70 8.3: IPR 0.6; IPRCP 8, AI 3, IPRAS 6.85; DI 0.09.
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 6, 7, 7, 8, 8, 8, 8, 9, 9, 9);
    Decision d = decide(ONE_TO_NINE, new ConsensusRule.RandUcla(), h);
    assertEquals(Outcome.CONSENSUS_IN, d.outcome());
    assertEquals(
        "median 8, IPR 0.6, IPRAS 6.85; median in 7–9 without disagreement: consensus in",
        d.reason());
  }

  @Test
  void randUclaIsOutForALowMedianWithoutDisagreement() {
    // 1,1,2,2,2,3,3,4,5,9: median 2.5; P30 at h = 3.7 → 2; P70 at h = 7.3 → 3 + 0.3 = 3.3;
    // IPR 1.3; IPRCP 2.65, AI 2.35, IPRAS 2.35 + 3.525 = 5.875.
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 1, 1, 2, 2, 2, 3, 3, 4, 5, 9);
    ConsensusEngine engine =
        new ConsensusEngine(ONE_TO_NINE, new ConsensusRule.RandUcla(), ConsensusOptions.defaults());
    ItemStatistics s = engine.statistics(h);
    assertEquals(2.5, s.median(), EPS);
    assertEquals(2, s.p30(), EPS);
    assertEquals(3.3, s.p70(), EPS);
    assertEquals(1.3, s.ipr(), EPS);
    assertEquals(5.875, s.ipras(), EPS);
    assertEquals(1.3 / 5.875, s.disagreementIndex(), EPS);
    Decision d = engine.decide(s);
    assertEquals(Outcome.CONSENSUS_OUT, d.outcome());
    assertTrue(
        d.reason().endsWith("; median in 1–3 without disagreement: consensus out"), d.reason());
  }

  @Test
  void randUclaDisagreementOverridesAHighMedian() {
    // 1,1,2,3,7,8,8,9,9,9: median 7.5 is in 7–9, but P30 2.7 and P70 8.3 give IPR 5.6;
    // IPRCP 5.5, AI 0.5, IPRAS 3.1, DI 1.81 > 1.
    Histogram h = Histogram.fromRatings(ONE_TO_NINE, 1, 1, 2, 3, 7, 8, 8, 9, 9, 9);
    ConsensusEngine engine =
        new ConsensusEngine(ONE_TO_NINE, new ConsensusRule.RandUcla(), ConsensusOptions.defaults());
    ItemStatistics s = engine.statistics(h);
    assertEquals(7.5, s.median(), EPS);
    assertEquals(2.7, s.p30(), EPS);
    assertEquals(8.3, s.p70(), EPS);
    assertEquals(3.1, s.ipras(), EPS);
    assertEquals(5.6 / 3.1, s.disagreementIndex(), EPS);
    Decision d = engine.decide(s);
    assertEquals(Outcome.NO_CONSENSUS, d.outcome());
    assertEquals(
        "median 7.5, IPR 5.6, IPRAS 3.1; IPR above IPRAS means disagreement: no consensus",
        d.reason());
  }

  @Test
  void randUclaRefusesScalesOtherThanOneToNine() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ConsensusEngine(
                ONE_TO_FIVE, new ConsensusRule.RandUcla(), ConsensusOptions.defaults()));
  }

  // Denominator policy changes the outcome

  @Test
  void denominatorPolicyCanChangeThePercentAgreementOutcome() {
    // 15 of 20 agree, plus 2 unable to rate.
    Histogram h = Histogram.of(ONE_TO_FIVE, 2, 1, 1, 3, 5, 10);
    ConsensusRule rule = new ConsensusRule.PercentAgreement(75, Comparison.AT_LEAST);
    assertEquals(
        Outcome.CONSENSUS_IN,
        decide(ONE_TO_FIVE, rule, TestScales.withPolicy(DenominatorPolicy.EXCLUDE), h).outcome());
    // 15/22 = 68% < 75%
    Decision neutral =
        decide(ONE_TO_FIVE, rule, TestScales.withPolicy(DenominatorPolicy.INCLUDE_AS_NEUTRAL), h);
    assertEquals(Outcome.NO_CONSENSUS, neutral.outcome());
    // 9.09% prints as "9.0%": rounded down, and with its decimal because it is not exact.
    assertEquals(
        "68.1% rated 4–5 and 9.0% rated 1–2; neither reached ≥ 75%: no consensus",
        neutral.reason());
  }

  @Test
  void unableToRateCountedAsDisagreementCanBreakCometConsensus() {
    // 18 agree and 2 disagree of 20, plus 2 unable: 10% disagree when excluded, 9% as neutral,
    // but 4/22 = 18% ≥ 15% when the unable answers count against the statement.
    Histogram h = Histogram.empty(ONE_TO_NINE).with(8, 18).with(2, 2).with(null, 2);
    ConsensusRule rule = new ConsensusRule.Comet(70, 15);
    assertEquals(
        Outcome.CONSENSUS_IN,
        decide(ONE_TO_NINE, rule, TestScales.withPolicy(DenominatorPolicy.EXCLUDE), h).outcome());
    assertEquals(
        Outcome.CONSENSUS_IN,
        decide(ONE_TO_NINE, rule, TestScales.withPolicy(DenominatorPolicy.INCLUDE_AS_NEUTRAL), h)
            .outcome());
    assertEquals(
        Outcome.NO_CONSENSUS,
        decide(ONE_TO_NINE, rule, TestScales.withPolicy(DenominatorPolicy.INCLUDE_AS_DISAGREE), h)
            .outcome());
  }
}
