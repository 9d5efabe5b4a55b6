package org.concord.consensus;

/**
 * Stability of individual panelists who rated a statement in two consecutive rounds, from the joint
 * table {@code joint[previous − min][current − min]} of their paired ratings.
 *
 * <ul>
 *   <li>% unchanged: the diagonal over all pairs;
 *   <li>weighted kappa with linear weights w = 1 − |i − j| / (k − 1) (Cohen 1968; as used for
 *       Delphi stability by Holey et al. 2007); NaN when chance agreement is total;
 *   <li>Wilcoxon signed-rank test on current − previous: zero differences dropped (Wilcoxon's
 *       method), tied absolute differences given their average rank; W is the sum of positive
 *       ranks. Without ties, without zero differences and with at most {@value #EXACT_LIMIT}
 *       differences the p-value is exact (two-sided, from the permutation distribution), as R
 *       decides; otherwise the normal approximation with the tie correction of the variance and a
 *       continuity correction of ½, as R's {@code wilcox.test(paired = TRUE)} does by default.
 * </ul>
 */
public record IndividualStability(
    long pairs, double percentUnchanged, double weightedKappa, Wilcoxon wilcoxon) {

  static final int EXACT_LIMIT = 50;

  public record Wilcoxon(long nonZero, double w, double z, double p, String method) {}

  public static IndividualStability of(long[][] joint) {
    int k = joint.length;
    long n = 0;
    long same = 0;
    long[] rows = new long[k];
    long[] cols = new long[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        n += joint[i][j];
        rows[i] += joint[i][j];
        cols[j] += joint[i][j];
      }
      same += joint[i][i];
    }
    if (n == 0) {
      return new IndividualStability(
          0, Double.NaN, Double.NaN, new Wilcoxon(0, 0, Double.NaN, Double.NaN, "no pairs"));
    }
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double w = 1 - (double) Math.abs(i - j) / (k - 1);
        observed += w * joint[i][j] / n;
        expected += w * ((double) rows[i] / n) * ((double) cols[j] / n);
      }
    }
    double kappa = expected >= 1 ? Double.NaN : (observed - expected) / (1 - expected);
    return new IndividualStability(n, 100.0 * same / n, kappa, wilcoxon(joint));
  }

  private static Wilcoxon wilcoxon(long[][] joint) {
    int k = joint.length;
    // counts of |d| for d = 1..k-1, split by sign
    long[] positive = new long[k];
    long[] negative = new long[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        int d = j - i;
        if (d > 0) {
          positive[d] += joint[i][j];
        } else if (d < 0) {
          negative[-d] += joint[i][j];
        }
      }
    }
    long zeros = 0;
    for (int i = 0; i < k; i++) {
      zeros += joint[i][i];
    }
    long nonZero;
    double w = 0;
    double tieTerm = 0;
    boolean ties = false;
    long ranked = 0;
    for (int d = 1; d < k; d++) {
      long t = positive[d] + negative[d];
      if (t == 0) {
        continue;
      }
      double averageRank = ranked + (t + 1) / 2.0;
      w += positive[d] * averageRank;
      ranked += t;
      tieTerm += (double) t * t * t - t;
      ties |= t > 1;
    }
    nonZero = ranked;
    if (nonZero == 0) {
      return new Wilcoxon(0, 0, Double.NaN, 1.0, "all differences zero");
    }
    double mean = nonZero * (nonZero + 1) / 4.0;
    double variance = nonZero * (nonZero + 1) * (2 * nonZero + 1) / 24.0 - tieTerm / 48.0;
    double z = variance <= 0 ? 0 : (w - mean - Math.signum(w - mean) * 0.5) / Math.sqrt(variance);
    if (!ties && zeros == 0 && nonZero <= EXACT_LIMIT) {
      return new Wilcoxon(nonZero, w, z, exactP((int) nonZero, (long) w), "exact");
    }
    double p = variance <= 0 ? 1.0 : Math.min(1, 2 * (1 - Normal.cdf(Math.abs(z))));
    return new Wilcoxon(nonZero, w, z, p, "normal approximation, tie and continuity corrected");
  }

  /** Two-sided exact p: the number of sign assignments with W as extreme, over 2^n. */
  static double exactP(int n, long w) {
    int max = n * (n + 1) / 2;
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = max; s >= rank; s--) {
        ways[s] += ways[s - rank];
      }
    }
    double total = Math.pow(2, n);
    double lower = 0;
    for (int s = 0; s <= w; s++) {
      lower += ways[s];
    }
    double upper = 0;
    for (int s = (int) w; s <= max; s++) {
      upper += ways[s];
    }
    return Math.min(1, 2 * Math.min(lower, upper) / total);
  }

  /** The standard normal distribution function. */
  static final class Normal {
    private Normal() {}

    /** Φ(x) by the complementary error function (Numerical Recipes erfc, error below 1.2e-7). */
    static double cdf(double x) {
      return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
      double z = Math.abs(x);
      double t = 1 / (1 + 0.5 * z);
      double r =
          t
              * Math.exp(
                  -z * z
                      - 1.26551223
                      + t
                          * (1.00002368
                              + t
                                  * (0.37409196
                                      + t
                                          * (0.09678418
                                              + t
                                                  * (-0.18628806
                                                      + t
                                                          * (0.27886807
                                                              + t
                                                                  * (-1.13520398
                                                                      + t
                                                                          * (1.48851587
                                                                              + t
                                                                                  * (-0.82215223
                                                                                      + t
                                                                                          * 0.17087277)))))))));
      return x >= 0 ? r : 2 - r;
    }
  }
}
