package org.concord.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately naive reference for the engine's statistics: it expands the histogram into one
 * sorted int per rating and applies the textbook formulas, so that it shares no code path
 * (cumulative counts, order statistics read off a histogram) with the engine.
 */
final class NaiveReference {

  private NaiveReference() {}

  static int[] expand(Histogram h) {
    List<Integer> ratings = new ArrayList<>();
    for (int point = h.scale().min(); point <= h.scale().max(); point++) {
      for (long i = 0; i < h.count(point); i++) {
        ratings.add(point);
      }
    }
    int[] sorted = ratings.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * Hyndman and Fan: type 7 h = (n − 1)p + 1, type 6 h = (n + 1)p clamped to [1, n]; then x(⌊h⌋) +
   * (h − ⌊h⌋)(x(⌊h⌋ + 1) − x(⌊h⌋)), 1-based.
   */
  static double quantile(int[] sorted, double p, QuantileMethod method) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double h =
        method == QuantileMethod.TYPE_7 ? (n - 1) * p + 1 : Math.min(Math.max((n + 1) * p, 1), n);
    int j = (int) Math.floor(h);
    double below = sorted[j - 1];
    double above = j < n ? sorted[j] : below;
    return below + (h - j) * (above - below);
  }

  static double mean(int[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** Sample SD by the two-pass formula, NaN below two ratings. */
  static double sd(int[] xs) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double m = mean(xs);
    double squares = 0;
    for (int x : xs) {
      squares += (x - m) * (x - m);
    }
    return Math.sqrt(squares / (xs.length - 1));
  }

  static long countIn(int[] xs, Band band) {
    return Arrays.stream(xs).filter(band::contains).count();
  }

  /** 100 · count / n with n under the denominator policy, 0 when n is 0. */
  static double percent(long count, long n) {
    return n == 0 ? 0 : 100.0 * count / n;
  }

  /**
   * Wilcoxon V (R's name): expands the pairs, drops zero differences, average ranks of |d|, sums d
   * > 0.
   */
  static double wilcoxonV(long[][] joint) {
    List<Integer> diffs = new ArrayList<>();
    for (int i = 0; i < joint.length; i++) {
      for (int j = 0; j < joint.length; j++) {
        for (long c = 0; c < joint[i][j]; c++) {
          if (j != i) {
            diffs.add(j - i);
          }
        }
      }
    }
    diffs.sort((a, b) -> Integer.compare(Math.abs(a), Math.abs(b)));
    double w = 0;
    int start = 0;
    while (start < diffs.size()) {
      int end = start;
      while (end + 1 < diffs.size() && Math.abs(diffs.get(end + 1)) == Math.abs(diffs.get(start))) {
        end++;
      }
      double rank = (start + 1 + end + 1) / 2.0;
      for (int k = start; k <= end; k++) {
        if (diffs.get(k) > 0) {
          w += rank;
        }
      }
      start = end + 1;
    }
    return w;
  }

  /** Cohen's weighted kappa with linear weights, straight from the definition. */
  static double linearKappa(long[][] joint) {
    int k = joint.length;
    double n = 0;
    for (long[] row : joint) {
      for (long c : row) {
        n += c;
      }
    }
    double po = 0;
    double pe = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double row = 0;
        double col = 0;
        for (int m = 0; m < k; m++) {
          row += joint[i][m];
          col += joint[m][j];
        }
        double weight = 1 - Math.abs(i - j) / (double) (k - 1);
        po += weight * joint[i][j] / n;
        pe += weight * (row / n) * (col / n);
      }
    }
    return (po - pe) / (1 - pe);
  }
}
