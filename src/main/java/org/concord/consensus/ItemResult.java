package org.concord.consensus;

import java.util.List;

/**
 * The result of one item: the panel's statistics and the decision on them, each group's, whether
 * groups reached different outcomes, and the final decision (which under the every-group option
 * also needs every required group).
 */
public record ItemResult(
    ItemStatistics overall,
    Decision overallDecision,
    List<GroupResult> groups,
    boolean divergent,
    Decision decision) {

  public Outcome outcome() {
    return decision.outcome();
  }
}
