package org.concord.consensus;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules of consensus (DESIGN §4). Percentages are compared in integers, {@code 100·count ≥
 * T·n}, so that 70% of 20 is exactly 14 and never a rounding question.
 */
public sealed interface ConsensusRule {

  /** Decides on statistics that already have enough ratings. */
  Decision decide(ItemStatistics s, Scale scale);

  /** The rule as the report prints it. */
  String describe(Scale scale);

  /** In: %agree ≥ T (or > T); out: %disagree ≥ T (or > T). */
  record PercentAgreement(int threshold, Comparison comparison) implements ConsensusRule {
    @Override
    public Decision decide(ItemStatistics s, Scale scale) {
      String sign = comparison == Comparison.AT_LEAST ? "≥" : ">";
      String rated = bands(s, scale);
      if (meets(s.agreeCount(), s.n(), threshold, comparison)) {
        return new Decision(
            Outcome.CONSENSUS_IN,
            rated + " (agreement " + sign + " " + threshold + "%): consensus in");
      }
      if (meets(s.disagreeCount(), s.n(), threshold, comparison)) {
        return new Decision(
            Outcome.CONSENSUS_OUT,
            rated + " (disagreement " + sign + " " + threshold + "%): consensus out");
      }
      return new Decision(
          Outcome.NO_CONSENSUS,
          rated + "; neither reached " + sign + " " + threshold + "%: no consensus");
    }

    @Override
    public String describe(Scale scale) {
      String sign = comparison == Comparison.AT_LEAST ? "at least" : "more than";
      return "Percent agreement: consensus in when "
          + sign
          + " "
          + threshold
          + "% rate "
          + scale.agree().text()
          + "; consensus out when "
          + sign
          + " "
          + threshold
          + "% rate "
          + scale.disagree().text()
          + ".";
    }
  }

  /** COMET/GRADE: in when %agree ≥ A and %disagree < D; out when %disagree ≥ A and %agree < D. */
  record Comet(int agreeThreshold, int disagreeLimit) implements ConsensusRule {
    @Override
    public Decision decide(ItemStatistics s, Scale scale) {
      String rated = bands(s, scale);
      boolean agreeHigh = meets(s.agreeCount(), s.n(), agreeThreshold, Comparison.AT_LEAST);
      boolean disagreeLow = !meets(s.disagreeCount(), s.n(), disagreeLimit, Comparison.AT_LEAST);
      boolean disagreeHigh = meets(s.disagreeCount(), s.n(), agreeThreshold, Comparison.AT_LEAST);
      boolean agreeLow = !meets(s.agreeCount(), s.n(), disagreeLimit, Comparison.AT_LEAST);
      if (agreeHigh && disagreeLow) {
        return new Decision(Outcome.CONSENSUS_IN, rated + ": consensus in");
      }
      if (disagreeHigh && agreeLow) {
        return new Decision(Outcome.CONSENSUS_OUT, rated + ": consensus out");
      }
      String why;
      if (agreeHigh) {
        why = pct(s.disagreeCount(), s.n()) + " is not under " + disagreeLimit + "%";
      } else if (disagreeHigh) {
        why = pct(s.agreeCount(), s.n()) + " is not under " + disagreeLimit + "%";
      } else {
        why = "neither band reached " + agreeThreshold + "%";
      }
      return new Decision(Outcome.NO_CONSENSUS, rated + "; " + why + ": no consensus");
    }

    @Override
    public String describe(Scale scale) {
      return "COMET/GRADE: consensus in when at least "
          + agreeThreshold
          + "% rate "
          + scale.agree().text()
          + " and fewer than "
          + disagreeLimit
          + "% rate "
          + scale.disagree().text()
          + "; consensus out when at least "
          + agreeThreshold
          + "% rate "
          + scale.disagree().text()
          + " and fewer than "
          + disagreeLimit
          + "% rate "
          + scale.agree().text()
          + ".";
    }
  }

  /**
   * In: IQR ≤ k and the median in the agree band; out: IQR ≤ k and the median in the disagree band.
   */
  record MedianIqr(double maxIqr) implements ConsensusRule {
    @Override
    public Decision decide(ItemStatistics s, Scale scale) {
      if (s.rated() == 0) {
        return new Decision(
            Outcome.NO_CONSENSUS,
            Decision.Basis.NO_RATINGS,
            "no ratings on the scale: no consensus");
      }
      String stats = "median " + num(s.median()) + ", IQR " + num(s.iqr());
      if (s.iqr() <= maxIqr + 1e-9) {
        if (scale.agree().contains(s.median())) {
          return new Decision(
              Outcome.CONSENSUS_IN,
              stats
                  + " (IQR ≤ "
                  + num(maxIqr)
                  + ", median in "
                  + scale.agree().text()
                  + "): consensus in");
        }
        if (scale.disagree().contains(s.median())) {
          return new Decision(
              Outcome.CONSENSUS_OUT,
              stats
                  + " (IQR ≤ "
                  + num(maxIqr)
                  + ", median in "
                  + scale.disagree().text()
                  + "): consensus out");
        }
        return new Decision(
            Outcome.NO_CONSENSUS, stats + "; the median is in neither band: no consensus");
      }
      return new Decision(
          Outcome.NO_CONSENSUS, stats + "; IQR above " + num(maxIqr) + ": no consensus");
    }

    @Override
    public String describe(Scale scale) {
      return "Median and IQR: consensus in when the IQR is at most "
          + num(maxIqr)
          + " and the median lies in "
          + scale.agree().text()
          + "; consensus out when the IQR is at most "
          + num(maxIqr)
          + " and the median lies in "
          + scale.disagree().text()
          + ".";
    }
  }

  /**
   * RAND/UCLA appropriateness: in when the median is in 7–9 without disagreement, out when it is in
   * 1–3 without disagreement; disagreement when IPR &gt; IPRAS. A median of 3.5 or 6.5 is in no
   * band.
   */
  record RandUcla() implements ConsensusRule {
    static final Band APPROPRIATE = new Band(7, 9);
    static final Band INAPPROPRIATE = new Band(1, 3);

    @Override
    public Decision decide(ItemStatistics s, Scale scale) {
      if (!scale.isOneToNine()) {
        throw new IllegalArgumentException("The RAND/UCLA rule is defined on a 1–9 scale only.");
      }
      if (s.rated() == 0) {
        return new Decision(
            Outcome.NO_CONSENSUS,
            Decision.Basis.NO_RATINGS,
            "no ratings on the scale: no consensus");
      }
      String stats =
          "median " + num(s.median()) + ", IPR " + num(s.ipr()) + ", IPRAS " + num(s.ipras());
      // IPR and IPRAS are sums of tenths in binary floating point: IPR = IPRAS exactly (no
      // disagreement) can come out as 3.4000000000000004 > 3.3999999999999977.
      if (s.ipr() > s.ipras() + 1e-9) {
        return new Decision(
            Outcome.NO_CONSENSUS, stats + "; IPR above IPRAS means disagreement: no consensus");
      }
      if (APPROPRIATE.contains(s.median())) {
        return new Decision(
            Outcome.CONSENSUS_IN, stats + "; median in 7–9 without disagreement: consensus in");
      }
      if (INAPPROPRIATE.contains(s.median())) {
        return new Decision(
            Outcome.CONSENSUS_OUT, stats + "; median in 1–3 without disagreement: consensus out");
      }
      return new Decision(
          Outcome.NO_CONSENSUS,
          stats + "; median in neither 1–3 nor 7–9 (uncertain): no consensus");
    }

    @Override
    public String describe(Scale scale) {
      return "RAND/UCLA: consensus in when the median is in 7–9 and IPR ≤ IPRAS (no disagreement);"
          + " consensus out when the median is in 1–3 and IPR ≤ IPRAS.";
    }
  }

  /** {@code 100·count ≥ T·n} (or {@code >}), exactly; false when n is 0. */
  static boolean meets(long count, long n, int threshold, Comparison comparison) {
    if (n == 0) {
      return false;
    }
    long left = 100 * count;
    long right = (long) threshold * n;
    return comparison == Comparison.AT_LEAST ? left >= right : left > right;
  }

  /** "71% rated 7–9 and 5% rated 1–3". */
  static String bands(ItemStatistics s, Scale scale) {
    return pct(s.agreeCount(), s.n())
        + " rated "
        + scale.agree().text()
        + " and "
        + pct(s.disagreeCount(), s.n())
        + " rated "
        + scale.disagree().text();
  }

  /**
   * 100·count/n as printed in a reason: whole when exact, else to one decimal rounded down, so that
   * 69.6% never prints as a "70%" that did not reach 70% (thresholds are whole numbers).
   */
  static String pct(long count, long n) {
    if (n == 0) {
      return "0%";
    }
    long tenths = 1000 * count / n;
    return 1000 * count % n == 0 && tenths % 10 == 0
        ? tenths / 10 + "%"
        : tenths / 10 + "." + tenths % 10 + "%";
  }

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    // Two decimals, then trailing zeros and point dropped: 1.9999999999999991 prints "2", not "2.".
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
