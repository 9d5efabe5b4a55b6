package org.concord.consensus;

public enum Outcome {
  CONSENSUS_IN,
  CONSENSUS_OUT,
  NO_CONSENSUS
}
