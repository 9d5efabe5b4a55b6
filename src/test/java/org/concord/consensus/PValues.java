package org.concord.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agreement asked of p-values against R: 1e-12 relative, so also 1e-12 absolute (p ≤ 1). */
final class PValues {

  private PValues() {}

  static void assertPValue(double expected, double actual) {
    assertEquals(expected, actual, 1e-12 * expected, () -> "p = " + actual + ", R: " + expected);
  }
}
