package org.concord.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates items under one protocol. Stateless and cheap: its cost is per item, not per rating.
 */
public final class ConsensusEngine {

  private final Scale scale;
  private final ConsensusRule rule;
  private final ConsensusOptions options;

  public ConsensusEngine(Scale scale, ConsensusRule rule, ConsensusOptions options) {
    if (rule instanceof ConsensusRule.RandUcla && !scale.isOneToNine()) {
      throw new IllegalArgumentException("The RAND/UCLA rule is defined on a 1–9 scale only.");
    }
    this.scale = scale;
    this.rule = rule;
    this.options = options;
  }

  public Scale scale() {
    return scale;
  }

  public ConsensusRule rule() {
    return rule;
  }

  public ConsensusOptions options() {
    return options;
  }

  public ItemStatistics statistics(Histogram histogram) {
    return ItemStatistics.of(histogram, options.quantileMethod(), options.denominatorPolicy());
  }

  /** Statistics and the rule's decision, with the minimum-n guard. */
  public Decision decide(ItemStatistics s) {
    return decide(s, options.minimumN());
  }

  /**
   * A stakeholder group is held to the minimum group size, not to the item's minimum n: a group at
   * or above that size is required under the every-group option and must be judged by the rule.
   */
  private Decision decideGroup(ItemStatistics s) {
    return decide(s, options.minimumGroupSize());
  }

  private Decision decide(ItemStatistics s, int minimumN) {
    if (s.n() == 0) {
      return new Decision(
          Outcome.NO_CONSENSUS, Decision.Basis.NO_RATINGS, "no ratings: no consensus");
    }
    if (s.n() < minimumN) {
      return new Decision(
          Outcome.NO_CONSENSUS,
          Decision.Basis.TOO_FEW_RATINGS,
          "too few ratings (" + s.n() + ", the protocol needs " + minimumN + "): no consensus");
    }
    return rule.decide(s, scale);
  }

  /** Groups are evaluated in the order of the map given (use a LinkedHashMap for report order). */
  public ItemResult evaluate(Histogram overall, Map<String, Histogram> byGroup) {
    ItemStatistics stats = statistics(overall);
    Decision overallDecision = decide(stats);
    List<GroupResult> groups = new ArrayList<>();
    for (Map.Entry<String, Histogram> entry : byGroup.entrySet()) {
      ItemStatistics g = statistics(entry.getValue());
      boolean required = options.everyGroup() && g.n() >= options.minimumGroupSize();
      groups.add(new GroupResult(entry.getKey(), g, decideGroup(g), required));
    }
    boolean divergent =
        groups.stream()
                .filter(g -> g.statistics().n() >= Math.max(1, options.minimumGroupSize()))
                .map(g -> g.decision().outcome())
                .distinct()
                .count()
            > 1;
    Decision decision = overallDecision;
    if (options.everyGroup() && overallDecision.outcome() != Outcome.NO_CONSENSUS) {
      List<String> missing =
          groups.stream()
              .filter(g -> g.required() && g.decision().outcome() != overallDecision.outcome())
              .map(GroupResult::group)
              .toList();
      if (!missing.isEmpty()) {
        decision =
            new Decision(
                Outcome.NO_CONSENSUS,
                Decision.Basis.NOT_EVERY_GROUP,
                overallDecision.reason().replaceAll(": consensus (in|out)$", "")
                    + "; but not in every group ("
                    + String.join(", ", missing)
                    + " did not): no consensus");
      }
    }
    return new ItemResult(stats, overallDecision, List.copyOf(groups), divergent, decision);
  }
}
