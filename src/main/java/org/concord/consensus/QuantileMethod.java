package org.concord.consensus;

public enum QuantileMethod {
  TYPE_7,
  TYPE_6
}
