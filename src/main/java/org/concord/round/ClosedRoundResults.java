package org.concord.round;

import java.util.List;
import java.util.Map;
import org.concord.consensus.Decision;
import org.concord.consensus.StoppingRule.StopDecision;

/**
 * What the round lifecycle and the panelist's feedback need of a round's results. The results
 * feature provides it, so that dependencies run one way (round ← response ← results).
 */
public interface ClosedRoundResults {

  /**
   * Aggregates a round that is closing (its row locked), stores every item's result and returns the
   * stopping rule's verdict.
   */
  StopDecision store(Round closing);

  /** The final decision of each item of a closed round, by round item id. */
  Map<Long, Decision> decisions(long roundId);

  /** The distributions of a closed round's items, overall and per group, for feedback. */
  List<ItemSummary> summaries(long roundId);

  /**
   * One item's distribution as panelists see it in the next round; {@code group} null for the whole
   * panel; {@code unable} the answers of "unable to rate", which are not in {@code counts}.
   */
  record ItemSummary(
      long itemId,
      String group,
      long rated,
      long unable,
      List<Long> counts,
      Double median,
      Double q1,
      Double q3,
      Double iqr) {}
}
