package org.concord.consensus;

/**
 * Whether the study stops after a round (DESIGN §4): the maximum number of rounds reached, no item
 * left without consensus, or every item without consensus stable.
 */
public final class StoppingRule {

  public enum Reason {
    MAXIMUM_ROUNDS,
    ALL_DECIDED,
    ALL_STABLE,
    CONTINUE
  }

  public record StopDecision(boolean stop, Reason reason, String explanation) {}

  private StoppingRule() {}

  /**
   * @param undecided items without consensus after this round
   * @param undecidedStable of those, the ones whose Δ against the previous round is below the
   *     threshold
   */
  public static StopDecision evaluate(
      int round, int maximumRounds, long undecided, long undecidedStable) {
    if (undecided == 0) {
      return new StopDecision(
          true, Reason.ALL_DECIDED, "Every statement reached consensus in or out.");
    }
    if (round >= maximumRounds) {
      return new StopDecision(
          true,
          Reason.MAXIMUM_ROUNDS,
          "Round "
              + round
              + " of at most "
              + maximumRounds
              + " has closed: the maximum number of rounds is reached.");
    }
    if (round > 1 && undecidedStable == undecided) {
      return new StopDecision(
          true,
          Reason.ALL_STABLE,
          "All "
              + undecided
              + " statements without consensus are stable: another round is unlikely to change them.");
    }
    return new StopDecision(
        false,
        Reason.CONTINUE,
        undecided
            + (undecided == 1 ? " statement has" : " statements have")
            + " no consensus yet; round "
            + (round + 1)
            + " may follow.");
  }
}
