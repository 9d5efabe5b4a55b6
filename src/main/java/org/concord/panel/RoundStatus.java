package org.concord.panel;

/**
 * Where a panelist stands in one round, from their invitation to it. {@link #NOT_SUBMITTED} is a
 * filter, never a panelist's status: invited and neither submitted nor withdrawn, the people a
 * reminder goes to.
 */
public enum RoundStatus {
  NOT_INVITED("not invited"),
  INVITED("invited"),
  OPENED("opened"),
  IN_PROGRESS("in progress"),
  SUBMITTED("submitted"),
  /** Withdrew from the study without submitting this round; a submitted round stays submitted. */
  WITHDRAWN("withdrawn"),
  NOT_SUBMITTED("not submitted");

  private final String words;

  RoundStatus(String words) {
    this.words = words;
  }

  /** As the console says it. */
  public String words() {
    return words;
  }

  /**
   * The status of an invitation with these times, {@code invited} false when there is none. What
   * was submitted stays submitted; withdrawal comes before anything still open.
   */
  public static RoundStatus of(
      boolean invited, boolean opened, boolean started, boolean submitted, boolean withdrawn) {
    if (submitted) {
      return SUBMITTED;
    }
    if (withdrawn) {
      return WITHDRAWN;
    }
    if (!invited) {
      return NOT_INVITED;
    }
    if (started) {
      return IN_PROGRESS;
    }
    return opened ? OPENED : INVITED;
  }
}
