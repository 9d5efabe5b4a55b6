package org.concord.study;

public enum StudyState {
  /** Being set up: protocol, guidance and panel can change freely. */
  DRAFT,
  /** Round 1 has opened; the protocol is locked. */
  RUNNING,
  /** The last round closed; the report is final. */
  FINISHED
}
