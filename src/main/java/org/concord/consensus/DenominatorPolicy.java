package org.concord.consensus;

public enum DenominatorPolicy {
  EXCLUDE,
  INCLUDE_AS_NEUTRAL,
  INCLUDE_AS_DISAGREE
}
