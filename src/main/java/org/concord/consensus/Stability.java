package org.concord.consensus;

/**
 * Group stability between two rounds of a statement: Δ = ½ · Σ_k |p_k(r) − p_k(r−1)| · 100, over
 * the scale points, with each round's proportions of its own ratings on the scale. Stable when Δ is
 * below the protocol's threshold (in percentage points).
 */
public final class Stability {

  private Stability() {}

  /** Δ in percentage points; NaN when either round has no ratings. */
  public static double delta(Histogram previous, Histogram current) {
    long n0 = previous.rated();
    long n1 = current.rated();
    if (n0 == 0 || n1 == 0) {
      return Double.NaN;
    }
    long[] a = previous.counts();
    long[] b = current.counts();
    // Σ |b/n1 − a/n0| = Σ |b·n0 − a·n1| / (n0·n1), summed in integers and divided once, so that a
    // Δ of exactly 15 is 15.0 and not 14.999999999999996 ("stable" below 15).
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(b[i] * n0 - a[i] * n1);
    }
    return 50.0 * sum / ((double) n0 * n1);
  }

  public static boolean isStable(double delta, double threshold) {
    return !Double.isNaN(delta) && delta < threshold;
  }
}
