package org.concord.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The engine against {@link NaiveReference} on random panels of the four usual scales, and the
 * invariances that a coordinator relies on: the order of panelists never matters, and under the
 * default policy "unable to rate" answers never move a statistic.
 */
class StatisticsPropertiesTest {

  private static final double EPS = 1e-9;
  private static final String[] GROUPS = {"Practitioners", "Carers", "Managers"};

  /** One panelist: a stakeholder group and a rating. */
  record Panelist(int group, int rating) {}

  record Panel(Scale scale, List<Panelist> panelists) {}

  @Provide
  Arbitrary<Histogram> histograms() {
    return Arbitraries.of(TestScales.ALL)
        .flatMap(
            scale ->
                Combinators.combine(
                        // Many zeros, so that quantiles often interpolate across empty points.
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.longs().between(0, 0)),
                                Tuple.of(6, Arbitraries.longs().between(1, 12)),
                                Tuple.of(1, Arbitraries.longs().between(13, 400)))
                            .array(long[].class)
                            .ofSize(scale.points()),
                        Arbitraries.longs().between(0, 5))
                    .as((counts, unable) -> Histogram.of(scale, unable, counts)));
  }

  @Provide
  Arbitrary<Panel> panels() {
    return Arbitraries.of(TestScales.ALL)
        .flatMap(
            scale ->
                Combinators.combine(
                        Arbitraries.integers().between(0, GROUPS.length - 1),
                        Arbitraries.integers().between(scale.min(), scale.max()))
                    .as(Panelist::new)
                    .list()
                    .ofMaxSize(80)
                    .map(list -> new Panel(scale, list)));
  }

  @Property(tries = 500)
  void everyStatisticEqualsTheNaiveReference(
      @ForAll("histograms") Histogram h,
      @ForAll QuantileMethod method,
      @ForAll DenominatorPolicy policy) {
    ItemStatistics s = ItemStatistics.of(h, method, policy);
    int[] xs = NaiveReference.expand(h);
    Scale scale = h.scale();

    long n = policy == DenominatorPolicy.EXCLUDE ? xs.length : xs.length + h.unableToRate();
    long agree = NaiveReference.countIn(xs, scale.agree());
    long disagree =
        NaiveReference.countIn(xs, scale.disagree())
            + (policy == DenominatorPolicy.INCLUDE_AS_DISAGREE ? h.unableToRate() : 0);
    assertEquals(n, s.n());
    assertEquals(xs.length, s.rated());
    assertEquals(agree, s.agreeCount());
    assertEquals(disagree, s.disagreeCount());
    assertEquals(NaiveReference.percent(agree, n), s.percentAgree(), EPS);
    assertEquals(NaiveReference.percent(disagree, n), s.percentDisagree(), EPS);
    assertEquals(NaiveReference.percent(n - agree - disagree, n), s.percentNeutral(), EPS);

    double median = NaiveReference.quantile(xs, 0.5, method);
    double q1 = NaiveReference.quantile(xs, 0.25, method);
    double q3 = NaiveReference.quantile(xs, 0.75, method);
    double p30 = NaiveReference.quantile(xs, 0.3, method);
    double p70 = NaiveReference.quantile(xs, 0.7, method);
    double ipras = 2.35 + 1.5 * Math.abs(5 - (p30 + p70) / 2);
    // assertEquals(double, double, delta) treats NaN as equal to NaN: an empty panel must give
    // NaN on both sides.
    assertEquals(median, s.median(), EPS, "median");
    assertEquals(q1, s.q1(), EPS, "Q1");
    assertEquals(q3, s.q3(), EPS, "Q3");
    assertEquals(q3 - q1, s.iqr(), EPS, "IQR");
    assertEquals(p30, s.p30(), EPS, "P30");
    assertEquals(p70, s.p70(), EPS, "P70");
    assertEquals(p70 - p30, s.ipr(), EPS, "IPR");
    assertEquals(ipras, s.ipras(), EPS, "IPRAS");
    assertEquals((p70 - p30) / ipras, s.disagreementIndex(), EPS, "DI");
    assertEquals(NaiveReference.mean(xs), s.mean(), EPS, "mean");
    assertEquals(NaiveReference.sd(xs), s.sd(), EPS, "SD");
  }

  @Property(tries = 500)
  void outcomesDoNotDependOnTheOrderOfPanelists(
      @ForAll("panels") Panel panel, @ForAll QuantileMethod method, @ForAll Random random) {
    List<Panelist> shuffled = new ArrayList<>(panel.panelists());
    Collections.shuffle(shuffled, random);
    ConsensusOptions options = new ConsensusOptions(0, true, 3, method, DenominatorPolicy.EXCLUDE);
    for (ConsensusRule rule : TestScales.rulesFor(panel.scale())) {
      ConsensusEngine engine = new ConsensusEngine(panel.scale(), rule, options);
      ItemResult before = evaluate(engine, panel.scale(), panel.panelists());
      ItemResult after = evaluate(engine, panel.scale(), shuffled);
      assertEquals(before.decision(), after.decision(), rule.toString());
      assertEquals(before.overallDecision(), after.overallDecision());
      assertEquals(before.divergent(), after.divergent());
      for (int g = 0; g < before.groups().size(); g++) {
        assertEquals(before.groups().get(g).decision(), after.groups().get(g).decision());
      }
      assertEquals(before.overall().median(), after.overall().median(), 0);
      assertEquals(before.overall().sd(), after.overall().sd(), EPS);
    }
  }

  /** Builds every histogram from the ratings in the order given, as rows would arrive. */
  private static ItemResult evaluate(ConsensusEngine engine, Scale scale, List<Panelist> panel) {
    Histogram overall =
        Histogram.fromRatings(scale, panel.stream().mapToInt(Panelist::rating).toArray());
    Map<String, Histogram> byGroup = new LinkedHashMap<>();
    for (int g = 0; g < GROUPS.length; g++) {
      int group = g;
      byGroup.put(
          GROUPS[g],
          Histogram.fromRatings(
              scale,
              panel.stream().filter(p -> p.group() == group).mapToInt(Panelist::rating).toArray()));
    }
    return engine.evaluate(overall, byGroup);
  }

  @Property(tries = 500)
  void unableToRateAnswersChangeNothingUnderTheDefaultPolicy(
      @ForAll("histograms") Histogram h,
      @ForAll @IntRange(min = 1, max = 50) int unable,
      @ForAll QuantileMethod method) {
    Histogram more = h.with(null, unable);
    ItemStatistics a = ItemStatistics.of(h, method, DenominatorPolicy.EXCLUDE);
    ItemStatistics b = ItemStatistics.of(more, method, DenominatorPolicy.EXCLUDE);
    assertEquals(a.unableToRate() + unable, b.unableToRate());
    assertEquals(a.n(), b.n());
    assertEquals(a.agreeCount(), b.agreeCount());
    assertEquals(a.disagreeCount(), b.disagreeCount());
    assertEquals(a.percentAgree(), b.percentAgree(), 0);
    assertEquals(a.percentDisagree(), b.percentDisagree(), 0);
    assertEquals(a.median(), b.median(), 0);
    assertEquals(a.iqr(), b.iqr(), 0);
    assertEquals(a.ipr(), b.ipr(), 0);
    assertEquals(a.ipras(), b.ipras(), 0);
    ConsensusOptions options = TestScales.withMethod(method);
    for (ConsensusRule rule : TestScales.rulesFor(h.scale())) {
      ConsensusEngine engine = new ConsensusEngine(h.scale(), rule, options);
      assertEquals(engine.decide(a), engine.decide(b), rule.toString());
    }
  }

  @Property(tries = 500)
  void individualStabilityEqualsTheNaiveReference(
      @ForAll @IntRange(min = 2, max = 9) int points, @ForAll Random random) {
    // Random joint tables, sparse enough that the exact Wilcoxon path is taken now and then.
    long[][] joint = new long[points][points];
    int pairs = random.nextInt(12);
    for (int p = 0; p < pairs; p++) {
      joint[random.nextInt(points)][random.nextInt(points)]++;
    }
    IndividualStability s = IndividualStability.of(joint);
    assertEquals(pairs, s.pairs());
    if (pairs == 0) {
      return;
    }
    assertEquals(NaiveReference.wilcoxonV(joint), s.wilcoxon().v(), EPS);
    double kappa = NaiveReference.linearKappa(joint);
    if (!Double.isNaN(s.weightedKappa())) {
      assertEquals(kappa, s.weightedKappa(), EPS);
    }
    double p = s.wilcoxon().p();
    if (s.wilcoxon().nonZero() == 0) {
      assertTrue(Double.isNaN(p), "p = " + p);
      assertEquals(TestMethod.NOT_COMPUTABLE, s.wilcoxon().method());
    } else {
      assertTrue(p > 0 && p <= 1, "p = " + p);
    }
  }

  @Property(tries = 500)
  void deltaIsZeroForTheSameProportionsAndAtMostOneHundred(
      @ForAll("histograms") Histogram h, @ForAll @IntRange(min = 1, max = 4) int factor) {
    // Multiplying every count keeps the proportions, so Δ is 0; against any other histogram (here
    // one rating at the top of the scale) Δ stays within [0, 100].
    Histogram scaled = h;
    for (int i = 1; i < factor; i++) {
      scaled = scaled.plus(h);
    }
    if (h.rated() == 0) {
      assertEquals(Double.NaN, Stability.delta(h, scaled));
      return;
    }
    assertEquals(0, Stability.delta(h, scaled), EPS);
    double d = Stability.delta(h, Histogram.empty(h.scale()).with(h.scale().max(), 1));
    assertTrue(d >= 0 && d <= 100 + EPS, "Δ = " + d);
  }
}
