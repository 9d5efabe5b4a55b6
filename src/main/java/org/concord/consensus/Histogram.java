package org.concord.consensus;

import java.util.Arrays;

/**
 * The ratings of one item as counts per scale point, plus the unable-to-rate answers. Everything
 * the engine computes comes from this, never from individual rows.
 */
public final class Histogram {

  private final Scale scale;
  private final long[] counts;
  private final long unableToRate;

  private Histogram(Scale scale, long[] counts, long unableToRate) {
    if (counts.length != scale.points()) {
      throw new IllegalArgumentException(
          "Expected " + scale.points() + " counts, got " + counts.length + ".");
    }
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("Counts cannot be negative.");
      }
    }
    if (unableToRate < 0) {
      throw new IllegalArgumentException("Counts cannot be negative.");
    }
    this.scale = scale;
    this.counts = counts.clone();
    this.unableToRate = unableToRate;
  }

  /** Counts from the lowest point up. */
  public static Histogram of(Scale scale, long unableToRate, long... counts) {
    return new Histogram(scale, counts, unableToRate);
  }

  public static Histogram empty(Scale scale) {
    return new Histogram(scale, new long[scale.points()], 0);
  }

  /** For tests and small inputs: individual ratings, each a point of the scale. */
  public static Histogram fromRatings(Scale scale, int... ratings) {
    long[] counts = new long[scale.points()];
    for (int r : ratings) {
      if (r < scale.min() || r > scale.max()) {
        throw new IllegalArgumentException("Rating " + r + " is outside the scale.");
      }
      counts[r - scale.min()]++;
    }
    return new Histogram(scale, counts, 0);
  }

  /** A copy with one more rating at {@code point}, or an unable-to-rate answer when null. */
  public Histogram with(Integer point, long count) {
    long[] next = counts.clone();
    if (point == null) {
      return new Histogram(scale, next, unableToRate + count);
    }
    next[point - scale.min()] += count;
    return new Histogram(scale, next, unableToRate);
  }

  public Histogram plus(Histogram other) {
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.counts[i];
    }
    return new Histogram(scale, sum, unableToRate + other.unableToRate);
  }

  public Scale scale() {
    return scale;
  }

  public long count(int point) {
    return counts[point - scale.min()];
  }

  public long[] counts() {
    return counts.clone();
  }

  public long unableToRate() {
    return unableToRate;
  }

  /** Ratings on the scale. */
  public long rated() {
    return Arrays.stream(counts).sum();
  }

  public long countIn(Band band) {
    long sum = 0;
    for (int p = band.low(); p <= band.high(); p++) {
      sum += count(p);
    }
    return sum;
  }

  /** The k-th smallest rating (1-based), read off the cumulative counts. */
  int orderStatistic(long k) {
    long cumulative = 0;
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i];
      if (cumulative >= k) {
        return scale.min() + i;
      }
    }
    throw new IllegalArgumentException("k = " + k + " exceeds " + cumulative + " ratings.");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h
        && h.scale.equals(scale)
        && Arrays.equals(h.counts, counts)
        && h.unableToRate == unableToRate;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Long.hashCode(unableToRate);
  }

  @Override
  public String toString() {
    return Arrays.toString(counts) + " + " + unableToRate + " unable";
  }
}
