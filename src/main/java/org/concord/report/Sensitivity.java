package org.concord.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.consensus.Comparison;
import org.concord.consensus.ConsensusEngine;
import org.concord.consensus.ConsensusOptions;
import org.concord.consensus.ConsensusRule;
import org.concord.consensus.Histogram;
import org.concord.consensus.Outcome;
import org.concord.consensus.Scale;
import org.concord.report.ReportViews.SensitivityRow;
import org.concord.results.ResultsViews.GroupResultView;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.results.ResultsViews.StatisticsView;
import org.concord.study.Protocol;
import org.concord.study.RuleType;

/**
 * How robust each outcome is to the definition of consensus: the stored histograms judged by the
 * other built-in rules with their usual parameters. The declared rule always decides; this table
 * only shows where another common definition would have decided otherwise.
 */
final class Sensitivity {

  private Sensitivity() {}

  /** A built-in rule with its usual parameters. */
  record Alternative(String name, RuleType type, ConsensusRule rule) {}

  /** The built-in rules other than the declared one; RAND/UCLA only on a 1–9 scale. */
  static List<Alternative> alternatives(Protocol protocol) {
    List<Alternative> rules = new ArrayList<>();
    rules.add(
        new Alternative(
            "Percent agreement ≥ 75%",
            RuleType.PERCENT_AGREEMENT,
            new ConsensusRule.PercentAgreement(75, Comparison.AT_LEAST)));
    rules.add(
        new Alternative("COMET/GRADE 70/15", RuleType.COMET, new ConsensusRule.Comet(70, 15)));
    rules.add(
        new Alternative(
            "Median in band and IQR ≤ 1", RuleType.MEDIAN_IQR, new ConsensusRule.MedianIqr(1)));
    if (protocol.scaleMin == 1 && protocol.scaleMax == 9) {
      rules.add(
          new Alternative(
              "RAND/UCLA (IPR ≤ IPRAS)", RuleType.RAND_UCLA, new ConsensusRule.RandUcla()));
    }
    return rules.stream().filter(r -> r.type() != protocol.ruleType).toList();
  }

  /**
   * Each statement in the last round it was rated, under the declared rule and the alternatives,
   * with the protocol's options (minimum n, every group, quantiles, denominator) kept.
   */
  static List<SensitivityRow> rows(Protocol protocol, Collection<ResultsView> rounds) {
    Scale scale = protocol.scale();
    ConsensusOptions options = protocol.engine().options();
    List<ConsensusEngine> engines =
        alternatives(protocol).stream()
            .map(a -> new ConsensusEngine(scale, a.rule(), options))
            .toList();
    Map<Long, SensitivityRow> byStatement = new LinkedHashMap<>();
    for (ResultsView round : rounds) {
      for (ItemResultView item : round.items()) {
        Histogram overall = histogram(scale, item.statistics());
        Map<String, Histogram> groups = new LinkedHashMap<>();
        for (GroupResultView g : item.groups()) {
          groups.put(g.group(), histogram(scale, g.statistics()));
        }
        List<Outcome> outcomes =
            engines.stream().map(e -> e.evaluate(overall, groups).outcome()).toList();
        byStatement.put(
            item.statementId(),
            new SensitivityRow(
                item.statementId(),
                item.text(),
                round.number(),
                item.outcome(),
                outcomes,
                outcomes.stream().anyMatch(o -> o != item.outcome())));
      }
    }
    return List.copyOf(byStatement.values());
  }

  private static Histogram histogram(Scale scale, StatisticsView s) {
    return Histogram.of(
        scale, s.unableToRate(), s.counts().stream().mapToLong(Long::longValue).toArray());
  }
}
