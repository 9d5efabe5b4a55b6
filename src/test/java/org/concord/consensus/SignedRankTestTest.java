package org.concord.consensus;

import static org.concord.consensus.PValues.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The signed-rank test against R 4.2.2. {@code wilcox.test(current, previous, paired = TRUE)} tests
 * d = current − previous exactly as the one-sample {@code wilcox.test(d)}, so cases given as
 * differences quote the latter. p is printed with {@code sprintf("%.17g", t$p.value)}.
 */
class SignedRankTestTest {

  /** Tallies raw differences into the counts by size that {@link SignedRankTest} takes. */
  static SignedRankTest ofDifferences(int... differences) {
    int largest = IntStream.of(differences).map(Math::abs).max().orElse(0);
    long[] positive = new long[largest];
    long[] negative = new long[largest];
    long zeros = 0;
    for (int d : differences) {
      if (d > 0) {
        positive[d - 1]++;
      } else if (d < 0) {
        negative[-d - 1]++;
      } else {
        zeros++;
      }
    }
    return SignedRankTest.ofDifferences(zeros, positive, negative);
  }

  /** 1, 2, −3, 4, 5, −6, …: every third difference negative, all sizes distinct. */
  private static int[] distinctWithEveryThirdNegative(int n) {
    return IntStream.rangeClosed(1, n).map(i -> i % 3 == 0 ? -i : i).toArray();
  }

  private static void assertTest(
      SignedRankTest t, long nonZero, double v, TestMethod method, double p) {
    assertEquals(nonZero, t.nonZero());
    assertEquals(v, t.v(), 0);
    assertEquals(method, t.method());
    assertPValue(p, t.p());
  }

  @Test
  void exactWithoutTiesOrZeros() {
    // R: wilcox.test(c(1, 2, -3, 4, 5, -6, 7, 8, -9, 10)): V = 37, p-value = 0.375 (exact)
    assertTest(ofDifferences(1, 2, -3, 4, 5, -6, 7, 8, -9, 10), 10, 37, TestMethod.EXACT, 0.375);
  }

  @Test
  void tiedDifferencesUseTheNormalApproximation() {
    // R: wilcox.test(c(1, 1, 1)): V = 6, p = 0.14891467317876567 (with continuity correction)
    SignedRankTest t = ofDifferences(1, 1, 1);
    assertTest(t, 3, 6, TestMethod.NORMAL_APPROXIMATION, 0.14891467317876567);
    // mean 3; σ² = 3·4·7/24 − (27 − 3)/48 = 3; z = (6 − 3 − ½)/√3
    assertEquals(2.5 / Math.sqrt(3), t.z(), 1e-15);
  }

  @Test
  void aZeroDifferenceRulesOutTheExactTestEvenWithoutTies() {
    // R: wilcox.test(c(0, 1, 2, 3, 4)): V = 10, p = 0.10034824646229079 ("cannot compute exact
    // p-value with zeroes")
    assertTest(
        ofDifferences(0, 1, 2, 3, 4), 4, 10, TestMethod.NORMAL_APPROXIMATION, 0.10034824646229079);
  }

  @Test
  void tiesAndZerosFromAJointTable() {
    // previous = c(2, 2, 2, 4, 1, 1, 2, 3, 3), current = c(3, 3, 3, 3, 3, 3, 5, 3, 3) on 1–5.
    // R: wilcox.test(current, previous, paired = TRUE): V = 25.5, p = 0.0578312773419919
    long[][] joint = new long[5][5];
    joint[1][2] = 3;
    joint[3][2] = 1;
    joint[0][2] = 2;
    joint[1][4] = 1;
    joint[2][2] = 2;
    SignedRankTest t = SignedRankTest.of(joint);
    assertTest(t, 7, 25.5, TestMethod.NORMAL_APPROXIMATION, 0.0578312773419919);
    // σ² = 7·8·15/24 − ((4³ − 4) + (2³ − 2))/48 = 33.625
    assertEquals((25.5 - 14 - 0.5) / Math.sqrt(33.625), t.z(), 1e-15);
  }

  @Test
  void aPanelOnANinePointScale() {
    // 79 pairs, 43 unchanged. In R, with J the 9×9 matrix below (1-based, J[previous, current]):
    //   idx <- which(J > 0, arr.ind = TRUE)
    //   wilcox.test(rep(idx[, 2], J[idx]), rep(idx[, 1], J[idx]), paired = TRUE)
    // V = 594, p = 2.1163660047648242e-05
    long[][] joint = new long[9][9];
    int[][] cells = {
      {5, 5, 10}, {5, 6, 6}, {5, 7, 3}, {6, 5, 2}, {4, 5, 4}, {7, 7, 12}, {7, 8, 7}, {8, 7, 3},
      {8, 8, 9}, {3, 5, 2}, {9, 8, 1}, {2, 4, 1}, {6, 8, 5}, {7, 9, 2}, {9, 9, 4}, {6, 6, 8}
    };
    for (int[] cell : cells) {
      joint[cell[0] - 1][cell[1] - 1] = cell[2];
    }
    assertTest(
        SignedRankTest.of(joint), 36, 594, TestMethod.NORMAL_APPROXIMATION, 2.1163660047648242e-05);
  }

  @Test
  void fortyNineDifferencesAreStillExact() {
    // R: d <- (1:49) * ifelse((1:49) %% 3 == 0, -1, 1); wilcox.test(d)
    // V = 817, p = 0.041703854232423516 (exact)
    assertTest(
        ofDifferences(distinctWithEveryThirdNegative(49)),
        49,
        817,
        TestMethod.EXACT,
        0.041703854232423516);
  }

  @Test
  void fiftyDifferencesUseTheNormalApproximation() {
    // R: d <- (1:50) * ifelse((1:50) %% 3 == 0, -1, 1); wilcox.test(d)
    // V = 867, p = 0.027063492176047903 (with continuity correction)
    assertTest(
        ofDifferences(distinctWithEveryThirdNegative(50)),
        50,
        867,
        TestMethod.NORMAL_APPROXIMATION,
        0.027063492176047903);
  }

  @Test
  void theMostExtremeExactPIsTwoOverTwoToTheN() {
    // R: wilcox.test(1:49): V = 1225, p = 3.5527136788005049e-15 = 2 / 2^49
    SignedRankTest t = ofDifferences(IntStream.rangeClosed(1, 49).toArray());
    assertTest(t, 49, 1225, TestMethod.EXACT, 3.5527136788005049e-15);
    assertEquals(0x1p-48, t.p(), 0);
  }

  @Test
  void tinyNormalPValuesKeepTheirRelativePrecision() {
    // R: wilcox.test(1:50): V = 1275, p = 7.7904922072184232e-10
    assertTest(
        ofDifferences(IntStream.rangeClosed(1, 50).toArray()),
        50,
        1275,
        TestMethod.NORMAL_APPROXIMATION,
        7.7904922072184232e-10);
    // R: wilcox.test(rep(1, 400)): V = 80200, p = 5.5348529213704354e-89; 1 − Φ(z) would be 0.
    long[][] joint = new long[2][2];
    joint[0][1] = 400;
    assertTest(
        SignedRankTest.of(joint),
        400,
        80200,
        TestMethod.NORMAL_APPROXIMATION,
        5.5348529213704354e-89);
  }

  @Test
  void noNonZeroDifferenceIsNotComputable() {
    // R: wilcox.test(c(3, 3, 3), c(3, 3, 3), paired = TRUE): V = 0, p-value = NaN
    long[][] joint = new long[5][5];
    joint[2][2] = 3;
    SignedRankTest t = SignedRankTest.of(joint);
    assertEquals(TestMethod.NOT_COMPUTABLE, t.method());
    assertEquals(0, t.nonZero());
    assertEquals(0, t.v());
    assertTrue(Double.isNaN(t.p()));
    assertTrue(Double.isNaN(t.z()));
    assertEquals(TestMethod.NOT_COMPUTABLE, SignedRankTest.of(new long[5][5]).method());
  }

  @Test
  void countsMustBeConsistent() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedRankTest.ofDifferences(0, new long[2], new long[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedRankTest.ofDifferences(0, new long[] {-1}, new long[] {2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedRankTest.ofDifferences(-1, new long[] {1}, new long[] {2}));
  }
}
