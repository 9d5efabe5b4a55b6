package org.concord.consensus;

/**
 * The standard normal upper tail 1 − Φ(x) by W. J. Cody's rational Chebyshev approximations (Cody,
 * W. J. (1969) Rational Chebyshev approximations for the error function. Mathematics of Computation
 * 23, 631–637; coefficients of his ANORM, ACM TOMS Algorithm 715, 1993), evaluated as R's {@code
 * pnorm} does: relative error near machine precision over the whole range, and the tail computed
 * directly, never as 1 − Φ(x).
 */
final class NormalDistribution {

  private static final double[] A = {
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113
  };
  private static final double[] B = {
    47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956
  };
  private static final double[] C = {
    0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
    2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
    18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5
  };
  private static final double ONE_OVER_SQRT_TWO_PI = 0.398942280401432677939946059934;

  /** Φ⁻¹(¾): below it the tail is ½ minus a small term, without cancellation. */
  private static final double CENTRAL_LIMIT = 0.67448975;

  private static final double SQRT_32 = Math.sqrt(32);

  /** Beyond this the tail underflows to 0 (Cody's bound, as in R). */
  private static final double UNDERFLOW_LIMIT = 37.5193;

  private NormalDistribution() {}

  /** 1 − Φ(x) = P(Z > x). */
  static double upperTail(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    double lower; // Φ(−|x|), the smaller tail, for |x| beyond the central range
    if (y <= CENTRAL_LIMIT) {
      double central = 0;
      if (y > 0x1p-53) {
        double square = x * x;
        double numerator = A[4] * square;
        double denominator = square;
        for (int i = 0; i < 3; i++) {
          numerator = (numerator + A[i]) * square;
          denominator = (denominator + B[i]) * square;
        }
        central = x * (numerator + A[3]) / (denominator + B[3]);
      }
      return 0.5 - central;
    } else if (y <= SQRT_32) {
      double numerator = C[8] * y;
      double denominator = y;
      for (int i = 0; i < 7; i++) {
        numerator = (numerator + C[i]) * y;
        denominator = (denominator + D[i]) * y;
      }
      lower = gaussianFactor(y) * ((numerator + C[7]) / (denominator + D[7]));
    } else if (y < UNDERFLOW_LIMIT) {
      double inverseSquare = 1 / (x * x);
      double numerator = P[5] * inverseSquare;
      double denominator = inverseSquare;
      for (int i = 0; i < 4; i++) {
        numerator = (numerator + P[i]) * inverseSquare;
        denominator = (denominator + Q[i]) * inverseSquare;
      }
      double ratio = inverseSquare * (numerator + P[4]) / (denominator + Q[4]);
      lower = gaussianFactor(y) * ((ONE_OVER_SQRT_TWO_PI - ratio) / y);
    } else {
      lower = 0;
    }
    return x > 0 ? lower : 1 - lower;
  }

  /**
   * exp(−y²/2) with y² split at a multiple of 1/16, so that the large part is squared exactly and
   * the rounding error of y² is not magnified by the exponential (Cody's device).
   */
  private static double gaussianFactor(double y) {
    double coarse = Math.floor(y * 16) / 16;
    double rest = (y - coarse) * (y + coarse);
    return Math.exp(-coarse * coarse * 0.5) * Math.exp(-rest * 0.5);
  }
}
