package org.concord.consensus;

/**
 * Stability of individual panelists who rated a statement in two consecutive rounds, from the joint
 * table {@code joint[previous − min][current − min]} of their paired ratings.
 *
 * <ul>
 *   <li>% unchanged: the diagonal over all pairs;
 *   <li>weighted kappa with linear weights w = 1 − |i − j| / (k − 1) (Cohen 1968; as used for
 *       Delphi stability by Holey et al. 2007); NaN when chance agreement is total;
 *   <li>the Wilcoxon signed-rank test on current − previous, as R's {@code wilcox.test(current,
 *       previous, paired = TRUE)}: see {@link SignedRankTest}.
 * </ul>
 */
public record IndividualStability(
    long pairs, double percentUnchanged, double weightedKappa, SignedRankTest wilcoxon) {

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
      return new IndividualStability(0, Double.NaN, Double.NaN, SignedRankTest.of(joint));
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
    return new IndividualStability(n, 100.0 * same / n, kappa, SignedRankTest.of(joint));
  }
}
