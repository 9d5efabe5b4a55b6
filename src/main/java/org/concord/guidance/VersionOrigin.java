package org.concord.guidance;

/** Why a statement version exists: its lineage (DESIGN §2). */
public enum VersionOrigin {
  /** Imported or written by the team as a new statement. */
  ADDED_BY_TEAM,
  /** A new wording of the same statement. */
  REWORDED,
  /** One of several statements made from one earlier statement. */
  SPLIT,
  /** One statement made from several earlier ones. */
  MERGED,
  /** Written from panelists' comments. */
  ADDED_FROM_COMMENT
}
