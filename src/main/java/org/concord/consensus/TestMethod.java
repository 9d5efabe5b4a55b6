package org.concord.consensus;

/** How a rank test's p-value was obtained; {@link #description()} is the text a person reads. */
public enum TestMethod {
  /** From the permutation distribution: small samples without ties or zero differences. */
  EXACT("exact"),
  /** The normal approximation with the tie-corrected variance and a continuity correction of ½. */
  NORMAL_APPROXIMATION("normal approximation, tie and continuity corrected"),
  /** No p-value: nothing to rank (no non-zero difference, an empty sample) or no spread at all. */
  NOT_COMPUTABLE("not computable");

  private final String description;

  TestMethod(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
