package org.concord.consensus;

/**
 * Options that apply to any rule: a minimum n; whether every stakeholder group must meet the rule
 * (groups with fewer than {@code minimumGroupSize} in their denominator are shown but not
 * required); the quantile method and the denominator policy.
 */
public record ConsensusOptions(
    int minimumN,
    boolean everyGroup,
    int minimumGroupSize,
    QuantileMethod quantileMethod,
    DenominatorPolicy denominatorPolicy) {

  public static ConsensusOptions defaults() {
    return new ConsensusOptions(0, false, 1, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE);
  }
}
