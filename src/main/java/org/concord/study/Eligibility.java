package org.concord.study;

/** Who is invited to round 2 and later. */
public enum Eligibility {
  /** Only panelists who submitted the previous round (the usual Delphi practice). */
  SUBMITTED_PREVIOUS_ROUND,
  /** Every panelist who has not withdrawn. */
  ALL_ACTIVE
}
