package org.concord.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Both rank tests against a reference that shares nothing with them: raw values ranked pairwise,
 * exact p by enumerating every sign pattern or every split of the ranks, the normal tail from
 * commons-math3's erfc (p = erfc(|z|/√2)).
 */
class RankTestsBruteForceTest {

  /** Result of a reference computation; p NaN when not computable. */
  record Reference(double statistic, double z, double p, TestMethod method) {}

  /** Average ranks, 1-based: the values below plus the mean position among the equal ones. */
  static double[] averageRanks(double[] values) {
    double[] ranks = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      int below = 0;
      int equal = 0;
      for (double other : values) {
        below += other < values[i] ? 1 : 0;
        equal += other == values[i] ? 1 : 0;
      }
      ranks[i] = below + (equal + 1) / 2.0;
    }
    return ranks;
  }

  /** Σ(t³ − t) over the groups of equal values. */
  static double tieTerm(double[] values) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      int t = 0;
      boolean first = true;
      for (int j = 0; j < values.length; j++) {
        t += values[j] == values[i] ? 1 : 0;
        first &= !(j < i && values[j] == values[i]);
      }
      sum += first ? (double) t * t * t - t : 0;
    }
    return sum;
  }

  static boolean hasTies(double[] values) {
    return tieTerm(values) > 0;
  }

  static Reference signedRank(int[] differences) {
    double[] sizes = IntStream.of(differences).filter(d -> d != 0).mapToDouble(Math::abs).toArray();
    int[] nonZero = IntStream.of(differences).filter(d -> d != 0).toArray();
    int n = nonZero.length;
    if (n == 0) {
      return new Reference(0, Double.NaN, Double.NaN, TestMethod.NOT_COMPUTABLE);
    }
    double[] ranks = averageRanks(sizes);
    double v = 0;
    for (int i = 0; i < n; i++) {
      v += nonZero[i] > 0 ? ranks[i] : 0;
    }
    double mean = n * (n + 1) / 4.0;
    double sigma = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm(sizes) / 48);
    double z = (v - mean - Math.signum(v - mean) * 0.5) / sigma;
    if (n < 50 && !hasTies(sizes) && n == differences.length) {
      long extreme = 0;
      for (long signs = 0; signs < 1L << n; signs++) {
        double vSigns = 0;
        for (int i = 0; i < n; i++) {
          vSigns += (signs >> i & 1) == 1 ? ranks[i] : 0;
        }
        extreme += (v > mean ? vSigns >= v : vSigns <= v) ? 1 : 0;
      }
      return new Reference(v, z, Math.min(1, 2.0 * extreme / (1L << n)), TestMethod.EXACT);
    }
    return new Reference(
        v, z, Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2))), TestMethod.NORMAL_APPROXIMATION);
  }

  static Reference rankSum(int[] x, int[] y) {
    int nx = x.length;
    int ny = y.length;
    double[] all = IntStream.concat(IntStream.of(x), IntStream.of(y)).asDoubleStream().toArray();
    int total = all.length;
    double[] ranks = averageRanks(all);
    double w = -nx * (nx + 1) / 2.0;
    for (int i = 0; i < nx; i++) {
      w += ranks[i];
    }
    if (nx == 0 || ny == 0 || tieTerm(all) == (double) total * total * total - total) {
      return new Reference(w, Double.NaN, Double.NaN, TestMethod.NOT_COMPUTABLE);
    }
    double mean = nx * ny / 2.0;
    double sigma =
        Math.sqrt((nx * ny / 12.0) * ((total + 1) - tieTerm(all) / ((double) total * (total - 1))));
    double z = (w - mean - Math.signum(w - mean) * 0.5) / sigma;
    if (nx < 50 && ny < 50 && !hasTies(all)) {
      long extreme = 0;
      long splits = 0;
      for (long chosen = 0; chosen < 1L << total; chosen++) {
        if (Long.bitCount(chosen) != nx) {
          continue;
        }
        double wSplit = -nx * (nx + 1) / 2.0;
        for (int i = 0; i < total; i++) {
          wSplit += (chosen >> i & 1) == 1 ? ranks[i] : 0;
        }
        splits++;
        extreme += (w > mean ? wSplit >= w : wSplit <= w) ? 1 : 0;
      }
      return new Reference(w, z, Math.min(1, 2.0 * extreme / splits), TestMethod.EXACT);
    }
    return new Reference(
        w, z, Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2))), TestMethod.NORMAL_APPROXIMATION);
  }

  private static void assertMatches(Reference expected, TestMethod method, double z, double p) {
    assertEquals(expected.method(), method);
    if (method == TestMethod.NOT_COMPUTABLE) {
      assertTrue(Double.isNaN(p) && Double.isNaN(z));
      return;
    }
    assertEquals(expected.z(), z, 1e-12);
    assertEquals(expected.p(), p, 1e-12 * expected.p(), "reference p = " + expected.p());
  }

  /** Half the time distinct sizes with random signs (the exact path), else small tied values. */
  private static int[] randomValues(Random random, int count, int spread) {
    if (random.nextBoolean()) {
      List<Integer> distinct = new ArrayList<>();
      IntStream.rangeClosed(1, 20).forEach(distinct::add);
      Collections.shuffle(distinct, random);
      return distinct.stream().limit(count).mapToInt(d -> random.nextBoolean() ? d : -d).toArray();
    }
    return IntStream.range(0, count).map(i -> random.nextInt(2 * spread + 1) - spread).toArray();
  }

  @Property(tries = 300)
  void signedRankEqualsTheBruteForceReference(@ForAll Random random) {
    int[] differences = randomValues(random, random.nextInt(15), 1 + random.nextInt(4));
    Reference expected = signedRank(differences);
    SignedRankTest t = SignedRankTestTest.ofDifferences(differences);
    assertEquals(expected.statistic(), t.v(), 1e-9);
    assertMatches(expected, t.method(), t.z(), t.p());
  }

  @Property(tries = 300)
  void rankSumEqualsTheBruteForceReference(@ForAll Random random) {
    int total = random.nextInt(15);
    int[] values = randomValues(random, total, 1 + random.nextInt(4));
    int nx = total == 0 ? 0 : random.nextInt(total + 1);
    int[] x = IntStream.of(values).limit(nx).toArray();
    int[] y = IntStream.of(values).skip(nx).toArray();
    // Values −20..20 on a 41-point scale.
    long[] xCounts = new long[41];
    long[] yCounts = new long[41];
    IntStream.of(x).forEach(v -> xCounts[v + 20]++);
    IntStream.of(y).forEach(v -> yCounts[v + 20]++);
    Reference expected = rankSum(x, y);
    RankSumTest t = RankSumTest.of(xCounts, yCounts);
    assertEquals(x.length, t.nx());
    assertEquals(y.length, t.ny());
    assertEquals(expected.statistic(), t.w(), 1e-9);
    assertMatches(expected, t.method(), t.z(), t.p());
  }

  @Test
  void exactRankSumDistributionMatchesExactIntegerCountsBeyondTheRangeOfALong() {
    // Subsets of nx of the ranks 1..N counted by size and rank sum in BigIntegers, one rank at a
    // time: C(65, 30) ≈ 3e18 splits, and the tails compared at every W.
    int nx = 30;
    int ny = 35;
    int total = nx + ny;
    int maxSum = nx * (2 * total - nx + 1) / 2;
    BigInteger[][] ways = new BigInteger[nx + 1][maxSum + 1];
    for (BigInteger[] row : ways) {
      Arrays.fill(row, BigInteger.ZERO);
    }
    ways[0][0] = BigInteger.ONE;
    for (int rank = 1; rank <= total; rank++) {
      for (int size = Math.min(rank, nx); size >= 1; size--) {
        for (int sum = maxSum; sum >= rank; sum--) {
          if (ways[size - 1][sum - rank].signum() > 0) {
            ways[size][sum] = ways[size][sum].add(ways[size - 1][sum - rank]);
          }
        }
      }
    }
    int offset = nx * (nx + 1) / 2;
    BigInteger[] countsOfW = new BigInteger[nx * ny + 1];
    for (int w = 0; w <= nx * ny; w++) {
      countsOfW[w] = ways[nx][w + offset];
    }
    BigDecimal splits = new BigDecimal(binomial(total, nx));
    for (int w = 0; w <= nx * ny; w++) {
      BigInteger tail = BigInteger.ZERO;
      if (2 * w > nx * ny) {
        for (int k = w; k <= nx * ny; k++) {
          tail = tail.add(countsOfW[k]);
        }
      } else {
        for (int k = 0; k <= w; k++) {
          tail = tail.add(countsOfW[k]);
        }
      }
      double expected =
          Math.min(
              1,
              new BigDecimal(tail.shiftLeft(1))
                  .divide(splits, MathContext.DECIMAL64)
                  .doubleValue());
      assertEquals(expected, RankSumTest.exactP(nx, ny, w), 1e-13 * expected, "W = " + w);
    }
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger result = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return result;
  }
}
