package org.concord.consensus;

public enum Comparison {
  AT_LEAST,
  MORE_THAN
}
