package org.concord.common;

/**
 * A reason a change needs (a protocol change after round 1, a round closed below the minimum
 * response), given as {@code ?reason=} or, when too long for an address, in the body.
 */
public final class Reasons {

  public static final int MAX_LENGTH = 2000;

  private Reasons() {}

  /**
   * The reason from the address or from the body; two different ones are a mistake, and a reason is
   * at most {@link #MAX_LENGTH} characters.
   */
  public static String oneOf(String inQuery, String inBody) {
    boolean query = inQuery != null && !inQuery.isBlank();
    boolean body = inBody != null && !inBody.isBlank();
    if (query && body && !inQuery.strip().equals(inBody.strip())) {
      throw ConcordException.invalid(
          "reason", "Give the reason once: in the body's \"reason\" or in ?reason=, not both.");
    }
    String reason = body ? inBody : inQuery;
    if (reason != null && reason.strip().length() > MAX_LENGTH) {
      throw ConcordException.invalid(
          "reason", "The reason must be at most " + MAX_LENGTH + " characters.");
    }
    return reason;
  }
}
