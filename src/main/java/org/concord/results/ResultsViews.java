package org.concord.results;

import java.util.Arrays;
import java.util.List;
import org.concord.consensus.Decision;
import org.concord.consensus.Outcome;
import org.concord.consensus.StoppingRule;

/** What the API shows of results: every number at full precision, as stored. */
public final class ResultsViews {

  private ResultsViews() {}

  /**
   * An item's statistics: counts from the lowest scale point up; a statistic that does not exist
   * (the median of no ratings) is null.
   */
  public record StatisticsView(
      long n,
      long rated,
      long unableToRate,
      List<Long> counts,
      long agreeCount,
      long disagreeCount,
      double percentAgree,
      double percentDisagree,
      double percentNeutral,
      Double median,
      Double q1,
      Double q3,
      Double iqr,
      Double p30,
      Double p70,
      Double ipr,
      Double ipras,
      Double disagreementIndex,
      Double mean,
      Double sd) {

    static StatisticsView of(RoundItemResult r) {
      return new StatisticsView(
          r.n,
          r.rated,
          r.unableCount,
          Arrays.stream(r.countArray()).boxed().toList(),
          r.agreeCount,
          r.disagreeCount,
          r.percentAgree,
          r.percentDisagree,
          r.percentNeutral,
          r.median,
          r.q1,
          r.q3,
          r.iqr,
          r.p30,
          r.p70,
          r.ipr,
          r.ipras,
          r.disagreementIndex,
          r.mean,
          r.sd);
    }
  }

  public record GroupResultView(
      Long groupId,
      String group,
      StatisticsView statistics,
      Outcome outcome,
      Decision.Basis basis,
      String reason,
      boolean required) {}

  /**
   * Stability against the round before, computed when the round closed. The Wilcoxon p is null when
   * it cannot be computed (every difference zero, or no pairs).
   */
  public record StabilityView(
      Double delta,
      boolean stable,
      long pairs,
      Double percentUnchanged,
      Double weightedKappa,
      Double wilcoxonV,
      Double wilcoxonZ,
      Double wilcoxonP,
      String wilcoxonMethod) {}

  public record ItemResultView(
      Long itemId,
      Long statementId,
      String text,
      StatisticsView statistics,
      Outcome outcome,
      Decision.Basis basis,
      String reason,
      Outcome ruleOutcome,
      boolean divergent,
      List<GroupResultView> groups,
      StabilityView stability) {}

  public record ResultsView(
      Long roundId,
      int number,
      String rule,
      StoppingRule.Reason stopVerdict,
      String stopReason,
      Integer invited,
      Integer submitted,
      String belowMinimumReason,
      List<ItemResultView> items) {}
}
