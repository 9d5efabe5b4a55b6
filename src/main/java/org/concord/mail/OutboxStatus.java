package org.concord.mail;

public enum OutboxStatus {
  PENDING,
  SENT,
  /** Gave up after the maximum number of attempts; the last error says why. */
  FAILED,
  /**
   * Not sent because it no longer made sense when its turn came (a reminder to a panelist who has
   * submitted since it was written); the last error says why.
   */
  CANCELLED
}
