package org.concord.study;

/** The consensus rules of DESIGN §4; one is chosen per study. */
public enum RuleType {
  PERCENT_AGREEMENT,
  COMET,
  MEDIAN_IQR,
  RAND_UCLA
}
