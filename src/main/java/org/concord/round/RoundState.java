package org.concord.round;

public enum RoundState {
  DRAFT,
  OPEN,
  CLOSED
}
