package org.concord.consensus;

import static org.concord.consensus.PValues.assertPValue;
import static org.concord.consensus.TestScales.ONE_TO_FIVE;
import static org.concord.consensus.TestScales.ONE_TO_NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rank-sum test against R 4.2.2's {@code wilcox.test(x, y)}, p printed with {@code
 * sprintf("%.17g", t$p.value)}. Samples of 49 and 50 distinct values lie on a "scale" of 1–100, one
 * count per point, as the histograms of a wide scale would.
 */
class RankSumTestTest {

  /** Counts on the points 1..points of the given values. */
  static long[] counts(int points, int... values) {
    long[] counts = new long[points];
    for (int v : values) {
      counts[v - 1]++;
    }
    return counts;
  }

  private static int[] range(int from, int to, int step) {
    return IntStream.iterate(from, v -> v <= to, v -> v + step).toArray();
  }

  private static void assertTest(
      RankSumTest t, long nx, long ny, double w, TestMethod method, double p) {
    assertEquals(nx, t.nx());
    assertEquals(ny, t.ny());
    assertEquals(w, t.w(), 0);
    assertEquals(method, t.method());
    assertPValue(p, t.p());
  }

  @Test
  void exactWithoutTies() {
    // R: wilcox.test(c(1, 4, 6), c(2, 3, 5, 7, 8)): W = 5, p-value = 0.5714285714285714 (exact)
    assertTest(
        RankSumTest.of(counts(8, 1, 4, 6), counts(8, 2, 3, 5, 7, 8)),
        3,
        5,
        5,
        TestMethod.EXACT,
        0.5714285714285714);
  }

  @Test
  void tiedHistogramsUseTheNormalApproximation() {
    // R: wilcox.test(rep(1:5, c(1, 2, 3, 4, 5)), rep(1:5, c(3, 4, 2, 1, 0))): W = 123.5,
    // p = 0.0065675970372790953 (with continuity correction)
    RankSumTest t =
        RankSumTest.of(
            Histogram.of(ONE_TO_FIVE, 0, 1, 2, 3, 4, 5),
            Histogram.of(ONE_TO_FIVE, 0, 3, 4, 2, 1, 0));
    assertTest(t, 15, 10, 123.5, TestMethod.NORMAL_APPROXIMATION, 0.0065675970372790953);
    // N = 25, ties 4, 6, 5, 5, 5: Σ(t³ − t) = 60 + 210 + 3·120 = 630;
    // σ² = (150/12)·(26 − 630/600) = 311.875; z = (123.5 − 75 − ½)/σ
    assertEquals(48 / Math.sqrt(311.875), t.z(), 1e-15);
  }

  @Test
  void oneTieInASmallSampleRulesOutTheExactTest() {
    // R: wilcox.test(c(1, 2, 2), c(3, 4)): W = 0, p = 0.13864063381321859 ("cannot compute exact
    // p-value with ties")
    assertTest(
        RankSumTest.of(counts(4, 1, 2, 2), counts(4, 3, 4)),
        3,
        2,
        0,
        TestMethod.NORMAL_APPROXIMATION,
        0.13864063381321859);
  }

  @Test
  void aPanelOnANinePointScale() {
    // R: wilcox.test(rep(1:9, c(2, 3, 5, 9, 14, 20, 25, 15, 7)),
    //                rep(1:9, c(1, 2, 4, 5, 6, 5, 3, 2, 1))): W = 1954.5, p = 0.0039732200142892932
    assertTest(
        RankSumTest.of(
            Histogram.of(ONE_TO_NINE, 0, 2, 3, 5, 9, 14, 20, 25, 15, 7),
            Histogram.of(ONE_TO_NINE, 0, 1, 2, 4, 5, 6, 5, 3, 2, 1)),
        100,
        29,
        1954.5,
        TestMethod.NORMAL_APPROXIMATION,
        0.0039732200142892932);
  }

  @Test
  void fortyNineAgainstFortyNineIsExact() {
    // R: wilcox.test(seq(1, 97, 2), seq(2, 98, 2)): W = 1176, p = 0.86521035715281525 (exact)
    assertTest(
        RankSumTest.of(counts(100, range(1, 97, 2)), counts(100, range(2, 98, 2))),
        49,
        49,
        1176,
        TestMethod.EXACT,
        0.86521035715281525);
    // R: wilcox.test(seq(1, 97, 2), seq(2, 98, 2) + 30): W = 561, p = 2.8620160466649448e-06
    assertTest(
        RankSumTest.of(counts(130, range(1, 97, 2)), counts(130, range(32, 128, 2))),
        49,
        49,
        561,
        TestMethod.EXACT,
        2.8620160466649448e-06);
  }

  @Test
  void fiftyInEitherSampleUsesTheNormalApproximation() {
    // R: wilcox.test(seq(1, 97, 2), seq(2, 100, 2)): W = 1176, p = 0.73428635444698109
    assertTest(
        RankSumTest.of(counts(100, range(1, 97, 2)), counts(100, range(2, 100, 2))),
        49,
        50,
        1176,
        TestMethod.NORMAL_APPROXIMATION,
        0.73428635444698109);
    // R: wilcox.test(seq(1, 99, 2), seq(2, 98, 2)): W = 1225 = nx·ny/2, p = 1
    assertTest(
        RankSumTest.of(counts(100, range(1, 99, 2)), counts(100, range(2, 98, 2))),
        50,
        49,
        1225,
        TestMethod.NORMAL_APPROXIMATION,
        1);
  }

  @Test
  void extremeSeparationKeepsTheRelativePrecisionOfTinyPValues() {
    // R: wilcox.test(1:49, 50:98): W = 0, p = 7.8500291929632906e-29 = 2 / choose(98, 49), exact
    assertTest(
        RankSumTest.of(counts(100, range(1, 49, 1)), counts(100, range(50, 98, 1))),
        49,
        49,
        0,
        TestMethod.EXACT,
        7.8500291929632906e-29);
    // R: wilcox.test(1:49, 50:99): W = 0, p = 1.0374161851276741e-17 (normal approximation)
    assertTest(
        RankSumTest.of(counts(100, range(1, 49, 1)), counts(100, range(50, 99, 1))),
        49,
        50,
        0,
        TestMethod.NORMAL_APPROXIMATION,
        1.0374161851276741e-17);
  }

  @Test
  void everyRatingOnOnePointIsNotComputable() {
    // R: wilcox.test(c(3, 3), c(3, 3, 3)): W = 3, p-value = NaN
    RankSumTest t = RankSumTest.of(counts(5, 3, 3), counts(5, 3, 3, 3));
    assertEquals(TestMethod.NOT_COMPUTABLE, t.method());
    assertEquals(3, t.w());
    assertTrue(Double.isNaN(t.p()));
    assertTrue(Double.isNaN(t.z()));
  }

  @Test
  void anEmptySampleIsNotComputable() {
    // R refuses: "not enough (non-missing) 'x' observations".
    RankSumTest t = RankSumTest.of(new long[5], counts(5, 1, 2, 3));
    assertEquals(TestMethod.NOT_COMPUTABLE, t.method());
    assertEquals(0, t.nx());
    assertTrue(Double.isNaN(t.p()));
    assertEquals(
        TestMethod.NOT_COMPUTABLE, RankSumTest.of(counts(5, 1, 2, 3), new long[5]).method());
  }

  @Test
  void countsMustBeConsistent() {
    assertThrows(IllegalArgumentException.class, () -> RankSumTest.of(new long[2], new long[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> RankSumTest.of(new long[] {1, -1}, new long[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RankSumTest.of(
                Histogram.of(ONE_TO_FIVE, 0, 1, 1, 1, 1, 1),
                Histogram.of(TestScales.ONE_TO_SEVEN, 0, 1, 1, 1, 1, 1, 1, 1)));
  }
}
