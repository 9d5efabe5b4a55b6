package org.concord.consensus;

import static org.concord.consensus.TestScales.ONE_TO_FIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Group Δ and individual stability (% unchanged, weighted kappa, Wilcoxon) worked by hand. */
class StabilityTest {

  private static final double EPS = 1e-9;

  /** A 9×9 joint table on 1–9 with one pair per {previous, current} given. */
  private static long[][] pairsOnOneToNine(int[]... pairs) {
    long[][] joint = new long[9][9];
    for (int[] pair : pairs) {
      joint[pair[0] - 1][pair[1] - 1]++;
    }
    return joint;
  }

  @Test
  void deltaIsHalfTheSumOfChangesInProportions() {
    // Round 1 (n = 10): .1 .1 .2 .4 .2; round 2 (n = 20): .05 .05 .2 .45 .25.
    // Changes .05 + .05 + 0 + .05 + .05 = .2, so Δ = ½ · .2 · 100 = 10.
    Histogram previous = Histogram.of(ONE_TO_FIVE, 0, 1, 1, 2, 4, 2);
    Histogram current = Histogram.of(ONE_TO_FIVE, 3, 1, 1, 4, 9, 5);
    double delta = Stability.delta(previous, current);
    assertEquals(10, delta, EPS);
    assertTrue(Stability.isStable(delta, 15));
    assertFalse(Stability.isStable(delta, 10));
  }

  @Test
  void deltaIsNotANumberWithoutRatingsInBothRounds() {
    double delta =
        Stability.delta(Histogram.empty(ONE_TO_FIVE), Histogram.of(ONE_TO_FIVE, 0, 1, 1, 1, 1, 1));
    assertTrue(Double.isNaN(delta));
    // No evidence of stability is not stability.
    assertFalse(Stability.isStable(delta, 15));
  }

  @Test
  void individualStabilityWorkedOnAThreePointTable() {
    // previous ↓ current →   rows 4, 4, 2; columns 3, 3, 4; n = 10
    long[][] joint = {
      {3, 1, 0},
      {0, 2, 2},
      {0, 0, 2}
    };
    IndividualStability s = IndividualStability.of(joint);
    assertEquals(10, s.pairs());
    assertEquals(70, s.percentUnchanged(), EPS);
    // Linear weights 1, ½, 0. Observed: (3 + 2 + 2)/10 + ½ · (1 + 2)/10 = 0.85.
    // Expected: Σ w · r_i · c_j / 100 = (12 + 6 + 6 + 12 + 8 + 3 + 8)/100 = 0.55.
    // κ_w = (0.85 − 0.55)/(1 − 0.55) = 2/3.
    assertEquals(2.0 / 3, s.weightedKappa(), EPS);
    // Differences +1, +1, +1 (three ties at rank 2): W = 6; the normal approximation applies.
    assertEquals(3, s.wilcoxon().nonZero());
    assertEquals(6, s.wilcoxon().v(), EPS);
  }

  @Test
  void wilcoxonExactPForFiveDistinctPositiveDifferences() {
    // d = 1..5, all positive: W = 15 is the single most extreme of 2^5 sign patterns, p = 2/32.
    IndividualStability s =
        IndividualStability.of(
            pairsOnOneToNine(
                new int[] {1, 2},
                new int[] {1, 3},
                new int[] {1, 4},
                new int[] {1, 5},
                new int[] {1, 6}));
    assertEquals(TestMethod.EXACT, s.wilcoxon().method());
    assertEquals(15, s.wilcoxon().v(), EPS);
    assertEquals(0.0625, s.wilcoxon().p(), EPS);
  }

  @Test
  void wilcoxonExactPForMixedSigns() {
    // d = +1, +2, −3, +4: W = 7. Of the 16 subsets of {1,2,3,4}, 5 have sum ≥ 7, so p = 10/16
    // (R: wilcox.test(c(1, 2, -3, 4)) gives V = 7, p-value = 0.625).
    IndividualStability s =
        IndividualStability.of(
            pairsOnOneToNine(
                new int[] {5, 6}, new int[] {5, 7}, new int[] {5, 2}, new int[] {5, 9}));
    assertEquals(TestMethod.EXACT, s.wilcoxon().method());
    assertEquals(7, s.wilcoxon().v(), EPS);
    assertEquals(0.625, s.wilcoxon().p(), EPS);
  }

  @Test
  void wilcoxonNormalApproximationWithThreeTiedDifferences() {
    long[][] joint = {
      {3, 1, 0},
      {0, 2, 2},
      {0, 0, 2}
    };
    SignedRankTest w = IndividualStability.of(joint).wilcoxon();
    // mean 3·4/4 = 3; variance 3·4·7/24 − (27 − 3)/48 = 3; z = (6 − 3 − ½)/√3.
    // R: wilcox.test(c(1, 1, 1), correct = TRUE) gives V = 6, p-value = 0.1489.
    assertEquals(TestMethod.NORMAL_APPROXIMATION, w.method());
    assertEquals(2.5 / Math.sqrt(3), w.z(), EPS);
    assertEquals(0.14891467317876567, w.p(), 1e-15);
  }

  @Test
  void wilcoxonNormalApproximationWithSeveralTieGroupsAndZeros() {
    // On 1–5: d = +1 ×3, −1 ×1, +2 ×2, +3 ×1 and two unchanged (dropped). |d| = 1 takes ranks
    // 1–4 (average 2.5), |d| = 2 ranks 5–6 (5.5), |d| = 3 rank 7: W = 3·2.5 + 2·5.5 + 7 = 25.5.
    // mean 7·8/4 = 14; variance 7·8·15/24 − ((4³ − 4) + (2³ − 2))/48 = 35 − 1.375 = 33.625;
    // z = (25.5 − 14 − ½)/√33.625 = 1.89697, p = 2(1 − Φ(z)); R gives 0.0578312773419919.
    long[][] joint = new long[5][5];
    joint[1][2] = 3; // 2 → 3
    joint[3][2] = 1; // 4 → 3
    joint[0][2] = 2; // 1 → 3
    joint[1][4] = 1; // 2 → 5
    joint[2][2] = 2; // unchanged
    IndividualStability s = IndividualStability.of(joint);
    assertEquals(9, s.pairs());
    assertEquals(200.0 / 9, s.percentUnchanged(), EPS);
    assertEquals(7, s.wilcoxon().nonZero());
    assertEquals(25.5, s.wilcoxon().v(), EPS);
    assertEquals(11 / Math.sqrt(33.625), s.wilcoxon().z(), EPS);
    assertEquals(0.0578312773419919, s.wilcoxon().p(), 1e-15);
  }

  @Test
  void noChangeAtAllLeavesTheWilcoxonTestAndKappaUndefinedWhenEveryoneUsesOnePoint() {
    long[][] joint = new long[5][5];
    joint[3][3] = 12;
    IndividualStability s = IndividualStability.of(joint);
    assertEquals(100, s.percentUnchanged(), EPS);
    // No non-zero difference: nothing to test, which is not p = 1 (R: p-value = NaN).
    assertEquals(TestMethod.NOT_COMPUTABLE, s.wilcoxon().method());
    assertTrue(Double.isNaN(s.wilcoxon().p()));
    assertEquals(0, s.wilcoxon().nonZero());
    // Chance agreement is total: κ has no meaning.
    assertTrue(Double.isNaN(s.weightedKappa()));
  }

  @Test
  void noPairsGiveNoStatistics() {
    IndividualStability s = IndividualStability.of(new long[5][5]);
    assertEquals(0, s.pairs());
    assertTrue(Double.isNaN(s.percentUnchanged()));
    assertTrue(Double.isNaN(s.wilcoxon().p()));
    assertEquals(TestMethod.NOT_COMPUTABLE, s.wilcoxon().method());
  }

  @Test
  void wilcoxonUsesTheNormalApproximationWhenZeroDifferencesWereDropped() {
    // d = 0, +1, +2, +3, +4: one zero dropped, no ties. R then leaves the exact test (it warns
    // "cannot compute exact p-value with zeroes"); so does Concord. W = 1+2+3+4 = 10, n = 4:
    // z = (10 − 5 − 0.5) / sqrt(7.5) = 1.6432; R: wilcox.test(c(0, 1, 2, 3, 4)) gives
    // p = 0.10034824646229079.
    IndividualStability s =
        IndividualStability.of(
            pairsOnOneToNine(
                new int[] {5, 5},
                new int[] {1, 2},
                new int[] {1, 3},
                new int[] {1, 4},
                new int[] {1, 5}));
    assertEquals(4, s.wilcoxon().nonZero());
    assertEquals(10, s.wilcoxon().v(), EPS);
    assertEquals(TestMethod.NORMAL_APPROXIMATION, s.wilcoxon().method());
    assertEquals(0.10034824646229079, s.wilcoxon().p(), 1e-15);
  }
}
