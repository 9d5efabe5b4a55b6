package org.concord.consensus;

/**
 * Sample quantiles of Hyndman and Fan (1996) from cumulative counts, without expanding the data.
 * Type 7: h = (n − 1)p + 1 (R's default, Excel PERCENTILE.INC, numpy). Type 6: h = (n + 1)p (SPSS,
 * Excel PERCENTILE.EXC), clamped to the smallest and largest rating outside its range. Both then
 * interpolate x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋+1) − x(⌊h⌋)).
 */
public final class Quantiles {

  private Quantiles() {}

  /** The p-quantile (0 ≤ p ≤ 1), or NaN when there are no ratings. */
  public static double of(Histogram histogram, double p, QuantileMethod method) {
    long n = histogram.rated();
    if (n == 0) {
      return Double.NaN;
    }
    double h =
        switch (method) {
          case TYPE_7 -> (n - 1) * p + 1;
          case TYPE_6 -> Math.min(Math.max((n + 1) * p, 1), n);
        };
    long lower = (long) Math.floor(h);
    double fraction = h - lower;
    int low = histogram.orderStatistic(lower);
    if (fraction == 0 || lower >= n) {
      return low;
    }
    int high = histogram.orderStatistic(lower + 1);
    return low + fraction * (high - low);
  }
}
