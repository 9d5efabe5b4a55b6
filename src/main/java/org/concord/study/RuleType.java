package org.concord.study;

import java.util.List;

/** The consensus rules of DESIGN §4; one is chosen per study, and each takes its own parameters. */
public enum RuleType {
  PERCENT_AGREEMENT("threshold", "comparison"),
  COMET("agreeThreshold", "disagreeLimit"),
  MEDIAN_IQR("maxIqr"),
  RAND_UCLA;

  private final List<String> parameters;

  RuleType(String... parameters) {
    this.parameters = List.of(parameters);
  }

  /** The names of this rule's parameters, as the API's {@code rule} object spells them. */
  public List<String> parameters() {
    return parameters;
  }
}
