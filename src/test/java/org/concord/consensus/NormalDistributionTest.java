package org.concord.consensus;

import static org.concord.consensus.PValues.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cody's upper tail against R, against values computed to 40 digits, and against commons-math3's
 * continued-fraction erfc.
 */
class NormalDistributionTest {

  /** R 4.2.2: sprintf("%.17g", pnorm(x, lower.tail = FALSE)) and the same at −x. */
  @ParameterizedTest
  @CsvSource({
    "0, 0.5, 0.5",
    "0.3, 0.38208857781104733, 0.61791142218895267",
    "0.67448975, 0.25000000006231027, 0.74999999993768973",
    "0.7, 0.24196365222307298, 0.75803634777692697",
    "1, 0.15865525393145705, 0.84134474606854293",
    "1.959963984540054, 0.025000000000000012, 0.97499999999999998",
    "2.5, 0.0062096653257761349, 0.99379033467422384",
    "3, 0.0013498980316300946, 0.9986501019683699",
    "5, 2.8665157187919391e-07, 0.99999971334842808",
    "5.6568542494923797, 7.7086289501400348e-09, 0.99999999229137104",
    "5.7, 5.9903714010635279e-09, 0.99999999400962858",
    "8, 6.2209605742717849e-16, 0.99999999999999933",
    "10, 7.6198530241605269e-24, 1",
    "20, 2.7536241186062337e-89, 1",
    "30, 4.9067139271481872e-198, 1",
    "37, 5.7255712225245771e-300, 1"
  })
  void upperTailMatchesR(double x, double upper, double upperAtMinusX) {
    assertPValue(upper, NormalDistribution.upperTail(x));
    assertPValue(upperAtMinusX, NormalDistribution.upperTail(-x));
  }

  /**
   * Python: mpmath.mp.dps = 40; mpmath.erfc(mpmath.mpf(x) / mpmath.sqrt(2)) / 2, with x the double
   * nearest the decimal; on both sides of Cody's range boundaries at 0.674 and √32 ≈ 5.657.
   */
  @ParameterizedTest
  @CsvSource({
    "0.1, 0.46017216272297101633",
    "0.5, 0.30853753872598689636",
    "0.6744, 0.25002852137294061469",
    "0.675, 0.24983788247177699727",
    "1.5, 0.066807201268858066004",
    "2, 0.0227501319481792072",
    "4, 0.000031671241833119921254",
    "5.65, 8.0223918506634975991e-9",
    "5.66, 7.5686497519977137143e-9",
    "6, 9.865876450376981407e-10",
    "8, 6.2209605742717841235e-16",
    "12, 1.7764821120776789977e-33",
    "16, 6.3887544005380872813e-58",
    "23.33, 1.0999378121177844188e-120",
    "27, 7.3894810068850182575e-161",
    "33, 4.0611856209158550885e-239",
    "37.5, 4.6053530095819548438e-308"
  })
  void upperTailMatchesFortyDigitValues(double x, double upper) {
    assertPValue(upper, NormalDistribution.upperTail(x));
  }

  @Test
  void upperTailMatchesAnIndependentErfcAcrossTheRange() {
    // ½·erfc(x/√2) from commons-math3 (regularized incomplete gamma), itself good to about 1e-13
    // relative far in the tail (at x = 23.33 it is the one that is off), on a fine grid.
    for (double x = 0; x <= 37; x += 0.01) {
      double reference = 0.5 * Erf.erfc(x / Math.sqrt(2));
      assertPValue(reference, NormalDistribution.upperTail(x));
    }
  }

  @Test
  void upperTailUnderflowsToZeroBeyondCodysBound() {
    // R: pnorm(37.6, lower.tail = FALSE) is 0.
    assertEquals(0, NormalDistribution.upperTail(37.6));
    assertEquals(1, NormalDistribution.upperTail(-37.6));
  }
}
