package org.concord.consensus;

import java.util.List;
import java.util.stream.Stream;

/** The scales the tests use, with the bands DESIGN §4 gives as examples. */
final class TestScales {

  static final Scale ONE_TO_FIVE = new Scale(1, 5, new Band(4, 5), new Band(1, 2));
  static final Scale ONE_TO_SEVEN = new Scale(1, 7, new Band(5, 7), new Band(1, 3));
  static final Scale ONE_TO_NINE = new Scale(1, 9, new Band(7, 9), new Band(1, 3));
  static final Scale ZERO_TO_TEN = new Scale(0, 10, new Band(7, 10), new Band(0, 3));

  static final List<Scale> ALL = List.of(ONE_TO_FIVE, ONE_TO_SEVEN, ONE_TO_NINE, ZERO_TO_TEN);

  private TestScales() {}

  /** Default options with another denominator policy. */
  static ConsensusOptions withPolicy(DenominatorPolicy policy) {
    return new ConsensusOptions(0, false, 1, QuantileMethod.TYPE_7, policy);
  }

  static ConsensusOptions withMethod(QuantileMethod method) {
    return new ConsensusOptions(0, false, 1, method, DenominatorPolicy.EXCLUDE);
  }

  /** The rules that apply on a scale: RAND/UCLA only on 1–9. */
  static List<ConsensusRule> rulesFor(Scale scale) {
    List<ConsensusRule> rules =
        List.of(
            new ConsensusRule.PercentAgreement(75, Comparison.AT_LEAST),
            new ConsensusRule.PercentAgreement(75, Comparison.MORE_THAN),
            new ConsensusRule.Comet(70, 15),
            new ConsensusRule.MedianIqr(1));
    return scale.isOneToNine()
        ? Stream.concat(rules.stream(), Stream.of(new ConsensusRule.RandUcla())).toList()
        : rules;
  }
}
