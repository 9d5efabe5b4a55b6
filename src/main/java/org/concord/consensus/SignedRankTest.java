package org.concord.consensus;

/**
 * Wilcoxon signed-rank test on paired ratings, two-sided, with the conventions of R's {@code
 * wilcox.test(current, previous, paired = TRUE)} (default {@code exact = NULL, correct = TRUE}):
 *
 * <ul>
 *   <li>d = current − previous; zero differences are dropped and n counts the rest; tied |d| get
 *       their average rank; V is the sum of the ranks of the positive differences.
 *   <li>Exact p when n &lt; {@value #EXACT_LIMIT}, no |d| is tied and no difference was zero: from
 *       the permutation distribution of V, the smaller tail doubled (capped at 1).
 *   <li>Otherwise the normal approximation: z = (V − n(n+1)/4 − sign·½) / σ with σ² =
 *       n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over the tie groups, p = 2·P(Z &gt; |z|).
 *   <li>Without any non-zero difference there is nothing to test: p is NaN, {@link
 *       TestMethod#NOT_COMPUTABLE}.
 * </ul>
 *
 * <p>Everything comes from counts of differences, so the cost does not depend on the number of
 * panelists, except the exact distribution, which is only built for n &lt; {@value #EXACT_LIMIT}.
 *
 * @param nonZero n, the number of non-zero differences
 * @param v the sum of positive ranks (R's V)
 * @param z the continuity-corrected normal deviate, also given when p is exact; NaN when not
 *     computable
 * @param p the two-sided p-value; NaN when not computable
 */
public record SignedRankTest(long nonZero, double v, double z, double p, TestMethod method) {

  static final int EXACT_LIMIT = 50;

  /** From the joint table {@code joint[previous − min][current − min]} of paired ratings. */
  public static SignedRankTest of(long[][] joint) {
    int k = joint.length;
    long zeros = 0;
    long[] positive = new long[k - 1];
    long[] negative = new long[k - 1];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        int d = j - i;
        if (d > 0) {
          positive[d - 1] += joint[i][j];
        } else if (d < 0) {
          negative[-d - 1] += joint[i][j];
        } else {
          zeros += joint[i][j];
        }
      }
    }
    return ofDifferences(zeros, positive, negative);
  }

  /**
   * From counts of differences by size: {@code positive[m − 1]} differences of +m and {@code
   * negative[m − 1]} of −m (arrays of equal length), and {@code zeros} differences of 0.
   */
  public static SignedRankTest ofDifferences(long zeros, long[] positive, long[] negative) {
    if (positive.length != negative.length) {
      throw new IllegalArgumentException(
          "Expected counts of equal length, got " + positive.length + " and " + negative.length);
    }
    if (zeros < 0) {
      throw new IllegalArgumentException("Counts cannot be negative.");
    }
    long n = 0;
    double v = 0;
    double tieTerm = 0;
    boolean ties = false;
    for (int m = 0; m < positive.length; m++) {
      if (positive[m] < 0 || negative[m] < 0) {
        throw new IllegalArgumentException("Counts cannot be negative.");
      }
      long t = positive[m] + negative[m];
      if (t == 0) {
        continue;
      }
      double averageRank = n + (t + 1) / 2.0;
      v += positive[m] * averageRank;
      n += t;
      tieTerm += (double) t * t * t - t;
      ties |= t > 1;
    }
    if (n == 0) {
      return new SignedRankTest(0, 0, Double.NaN, Double.NaN, TestMethod.NOT_COMPUTABLE);
    }
    double centred = v - n * (n + 1) / 4.0;
    double sigma = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm / 48);
    double z = (centred - Math.signum(centred) * 0.5) / sigma;
    if (n < EXACT_LIMIT && !ties && zeros == 0) {
      return new SignedRankTest(n, v, z, exactP((int) n, (long) v), TestMethod.EXACT);
    }
    double p = Math.min(1, 2 * NormalDistribution.upperTail(Math.abs(z)));
    return new SignedRankTest(n, v, z, p, TestMethod.NORMAL_APPROXIMATION);
  }

  /**
   * Two-sided exact p as R computes it: P(V ≥ v) when v lies above the mean n(n+1)/4, else P(V ≤
   * v), doubled and capped at 1. The 2ⁿ sign patterns are counted exactly in longs (n &lt; 63).
   */
  static double exactP(int n, long v) {
    int max = n * (n + 1) / 2;
    long[] ways = new long[max + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = max; s >= rank; s--) {
        ways[s] += ways[s - rank];
      }
    }
    long tail = 0;
    if (4 * v > (long) n * (n + 1)) {
      for (long s = v; s <= max; s++) {
        tail += ways[(int) s];
      }
    } else {
      for (long s = 0; s <= v; s++) {
        tail += ways[(int) s];
      }
    }
    return Math.min(1, 2 * (tail / Math.pow(2, n)));
  }
}
