package org.concord.panel;

public enum PanelistStatus {
  /** On the panel, not yet invited to a round. */
  ADDED,
  /** Sent an invitation. */
  INVITED,
  /** Has opened their link or answered. */
  ACTIVE,
  /** Left the study; never contacted again, earlier answers kept. */
  WITHDRAWN
}
