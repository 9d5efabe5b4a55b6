package org.concord.guidance;

public enum StatementStatus {
  /** Part of the guidance; rated in the next round that includes it. */
  ACTIVE,
  /** Taken out by the team before it was ever rated. */
  REMOVED
}
