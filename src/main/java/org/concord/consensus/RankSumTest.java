package org.concord.consensus;

/**
 * Wilcoxon rank-sum (Mann–Whitney U) test between two independent samples of ratings, two-sided,
 * with the conventions of R's {@code wilcox.test(x, y)} (default {@code exact = NULL, correct =
 * TRUE}). Used for instance to compare the previous-round ratings of panelists who stayed with
 * those of panelists who dropped out.
 *
 * <ul>
 *   <li>Both samples are ranked together, ties at their average rank; W is the sum of the ranks of
 *       x minus n_x(n_x + 1)/2, i.e. the number of pairs (x, y) with x &gt; y, ties counting ½.
 *   <li>Exact p when n_x &lt; {@value #EXACT_LIMIT}, n_y &lt; {@value #EXACT_LIMIT} and no value is
 *       tied: from the permutation distribution of W, the smaller tail doubled (capped at 1).
 *   <li>Otherwise the normal approximation: z = (W − n_x·n_y/2 − sign·½) / σ with σ² = (n_x·n_y/12)
 *       · ((N + 1) − Σ(t³ − t)/(N(N − 1))), N = n_x + n_y, over the tie groups; p = 2·P(Z &gt;
 *       |z|).
 *   <li>An empty sample, or every rating on one point (σ = 0), leaves nothing to test: p is NaN,
 *       {@link TestMethod#NOT_COMPUTABLE}.
 * </ul>
 *
 * <p>Everything comes from the two histograms, so the cost does not depend on the number of
 * panelists, except the exact distribution, which is only built for samples under {@value
 * #EXACT_LIMIT}.
 *
 * @param w R's W for x against y
 * @param z the continuity-corrected normal deviate, also given when p is exact; NaN when not
 *     computable
 * @param p the two-sided p-value; NaN when not computable
 */
public record RankSumTest(long nx, long ny, double w, double z, double p, TestMethod method) {

  static final int EXACT_LIMIT = 50;

  /** From two histograms on the same scale. */
  public static RankSumTest of(Histogram x, Histogram y) {
    if (!x.scale().equals(y.scale())) {
      throw new IllegalArgumentException("The histograms lie on different scales.");
    }
    return of(x.counts(), y.counts());
  }

  /** From counts per scale point, lowest point first, of equal length. */
  public static RankSumTest of(long[] xCounts, long[] yCounts) {
    if (xCounts.length != yCounts.length) {
      throw new IllegalArgumentException(
          "Expected counts of equal length, got " + xCounts.length + " and " + yCounts.length);
    }
    long nx = 0;
    long ny = 0;
    double rankSumX = 0;
    double tieTerm = 0;
    boolean ties = false;
    int occupiedPoints = 0;
    for (int i = 0; i < xCounts.length; i++) {
      if (xCounts[i] < 0 || yCounts[i] < 0) {
        throw new IllegalArgumentException("Counts cannot be negative.");
      }
      long t = xCounts[i] + yCounts[i];
      if (t == 0) {
        continue;
      }
      double averageRank = nx + ny + (t + 1) / 2.0;
      rankSumX += xCounts[i] * averageRank;
      nx += xCounts[i];
      ny += yCounts[i];
      tieTerm += (double) t * t * t - t;
      ties |= t > 1;
      occupiedPoints++;
    }
    double w = rankSumX - nx * (nx + 1) / 2.0;
    if (nx == 0 || ny == 0 || occupiedPoints == 1) {
      return new RankSumTest(nx, ny, w, Double.NaN, Double.NaN, TestMethod.NOT_COMPUTABLE);
    }
    double total = nx + ny;
    double centred = w - (double) nx * ny / 2;
    double sigma =
        Math.sqrt(((double) nx * ny / 12) * ((total + 1) - tieTerm / (total * (total - 1))));
    double z = (centred - Math.signum(centred) * 0.5) / sigma;
    if (nx < EXACT_LIMIT && ny < EXACT_LIMIT && !ties) {
      return new RankSumTest(nx, ny, w, z, exactP((int) nx, (int) ny, (long) w), TestMethod.EXACT);
    }
    double p = Math.min(1, 2 * NormalDistribution.upperTail(Math.abs(z)));
    return new RankSumTest(nx, ny, w, z, p, TestMethod.NORMAL_APPROXIMATION);
  }

  /**
   * Two-sided exact p as R computes it: P(W ≥ w) when w lies above the mean n_x·n_y/2, else P(W ≤
   * w), doubled and capped at 1.
   */
  static double exactP(int nx, int ny, long w) {
    double[] counts = countsOfW(nx, ny);
    double all = 0;
    for (double c : counts) {
      all += c;
    }
    double tail = 0;
    if (2 * w > (long) nx * ny) {
      for (long k = w; k < counts.length; k++) {
        tail += counts[(int) k];
      }
    } else {
      for (long k = 0; k <= w; k++) {
        tail += counts[(int) k];
      }
    }
    return Math.min(1, 2 * (tail / all));
  }

  /**
   * The number of ways to reach each W = 0..nx·ny: the coefficients of the Gaussian binomial [nx +
   * ny choose nx]_q, by f(a, b) = f(a − 1, b) + q^a · f(a, b − 1). It only adds non-negative
   * numbers, so in doubles the relative error stays of the order of nx + ny ulps even where the
   * counts (up to C(98, 49) ≈ 2.5e28) outgrow a long.
   */
  private static double[] countsOfW(int nx, int ny) {
    // byXSize[a] = f(a, b) for the current b, starting at b = 0 where every f(a, 0) = 1.
    double[][] byXSize = new double[nx + 1][];
    for (int a = 0; a <= nx; a++) {
      byXSize[a] = new double[] {1};
    }
    for (int b = 1; b <= ny; b++) {
      for (int a = 1; a <= nx; a++) {
        double[] fewerX = byXSize[a - 1]; // f(a − 1, b), degree (a − 1)·b
        double[] fewerY = byXSize[a]; // f(a, b − 1), degree a·(b − 1)
        double[] next = new double[a * b + 1];
        System.arraycopy(fewerX, 0, next, 0, fewerX.length);
        for (int k = 0; k < fewerY.length; k++) {
          next[k + a] += fewerY[k];
        }
        byXSize[a] = next;
      }
    }
    return byXSize[nx];
  }
}
