package org.concord.mail;

public enum OutboxStatus {
  PENDING,
  SENT,
  /** Gave up after the maximum number of attempts; the last error says why. */
  FAILED
}
