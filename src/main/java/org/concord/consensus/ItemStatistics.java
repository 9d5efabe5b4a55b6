package org.concord.consensus;

/**
 * Everything reported about one item's ratings. {@code n} is the denominator of the percentages
 * under the denominator policy; {@code rated} the ratings on the scale, from which the quantiles,
 * mean and SD come (an unable-to-rate answer has no place on the scale). Quantile fields are NaN
 * when nothing was rated; SD is NaN below two ratings.
 */
public record ItemStatistics(
    long n,
    long rated,
    long unableToRate,
    long[] counts,
    long agreeCount,
    long disagreeCount,
    double percentAgree,
    double percentDisagree,
    double percentNeutral,
    double median,
    double q1,
    double q3,
    double iqr,
    double p30,
    double p70,
    double ipr,
    double ipras,
    double disagreementIndex,
    double mean,
    double sd) {

  /** 100·count / n, or 0 when n is 0. */
  public double percentOf(int point, Scale scale) {
    return n == 0 ? 0 : 100.0 * counts[point - scale.min()] / n;
  }

  /**
   * Computes the statistics of a histogram. Under {@link DenominatorPolicy#INCLUDE_AS_NEUTRAL} the
   * unable-to-rate answers enlarge n only; under {@link DenominatorPolicy#INCLUDE_AS_DISAGREE} they
   * also count as disagreement.
   */
  public static ItemStatistics of(Histogram h, QuantileMethod method, DenominatorPolicy policy) {
    Scale scale = h.scale();
    long rated = h.rated();
    long unable = h.unableToRate();
    long n = policy == DenominatorPolicy.EXCLUDE ? rated : rated + unable;
    long agree = h.countIn(scale.agree());
    long disagree =
        h.countIn(scale.disagree())
            + (policy == DenominatorPolicy.INCLUDE_AS_DISAGREE ? unable : 0);
    long neutral = n - agree - disagree;
    double median = Quantiles.of(h, 0.5, method);
    double q1 = Quantiles.of(h, 0.25, method);
    double q3 = Quantiles.of(h, 0.75, method);
    double p30 = Quantiles.of(h, 0.30, method);
    double p70 = Quantiles.of(h, 0.70, method);
    double ipr = p70 - p30;
    // RAND/UCLA interpercentile range adjusted for symmetry, defined on the 1–9 scale around 5.
    double asymmetry = Math.abs(5 - (p30 + p70) / 2);
    double ipras = 2.35 + 1.5 * asymmetry;
    double sum = 0;
    double sumSquares = 0;
    long[] counts = h.counts();
    for (int i = 0; i < counts.length; i++) {
      double x = scale.min() + i;
      sum += counts[i] * x;
      sumSquares += counts[i] * x * x;
    }
    double mean = rated == 0 ? Double.NaN : sum / rated;
    double sd =
        rated < 2
            ? Double.NaN
            : Math.sqrt(Math.max(0, (sumSquares - rated * mean * mean) / (rated - 1)));
    return new ItemStatistics(
        n,
        rated,
        unable,
        counts,
        agree,
        disagree,
        percent(agree, n),
        percent(disagree, n),
        percent(neutral, n),
        median,
        q1,
        q3,
        q3 - q1,
        p30,
        p70,
        ipr,
        ipras,
        ipr / ipras,
        mean,
        sd);
  }

  private static double percent(long count, long n) {
    return n == 0 ? 0 : 100.0 * count / n;
  }
}
