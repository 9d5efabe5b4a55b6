package org.concord.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.Texts;
import org.concord.consensus.ConsensusEngine;
import org.concord.consensus.Decision;
import org.concord.consensus.GroupResult;
import org.concord.consensus.Histogram;
import org.concord.consensus.IndividualStability;
import org.concord.consensus.ItemResult;
import org.concord.consensus.ItemStatistics;
import org.concord.consensus.Outcome;
import org.concord.consensus.Scale;
import org.concord.consensus.Stability;
import org.concord.consensus.StoppingRule;
import org.concord.consensus.StoppingRule.StopDecision;
import org.concord.panel.PanelRepository;
import org.concord.panel.StakeholderGroup;
import org.concord.round.RoundRepository.HistogramRow;
import org.concord.round.RoundRepository.PairRow;
import org.concord.round.RoundViews.GroupResultView;
import org.concord.round.RoundViews.ItemResultView;
import org.concord.round.RoundViews.ResultsView;
import org.concord.round.RoundViews.StabilityView;
import org.concord.study.Protocol;

/**
 * Aggregates a round with one GROUP BY, evaluates every item with the consensus engine, and keeps
 * the results; later reads (results, feedback, stopping) use the stored histograms.
 */
@ApplicationScoped
public class RoundResults {

  @Inject RoundRepository rounds;
  @Inject PanelRepository panel;

  /** Stores the result of every item of a closing round; returns what the stopping rule says. */
  public StopDecision computeAndStore(Round round) {
    Protocol protocol = round.study.protocol;
    ConsensusEngine engine = protocol.engine();
    Scale scale = engine.scale();
    List<StakeholderGroup> groups = panel.groups(round.study.id);
    Map<Long, Map<Long, Histogram>> byItem = new HashMap<>();
    for (HistogramRow row : rounds.histograms(round.id)) {
      byItem
          .computeIfAbsent(row.itemId(), k -> new HashMap<>())
          .merge(
              row.groupId(),
              Histogram.empty(scale).with(row.unable() ? null : row.value(), row.count()),
              Histogram::plus);
    }
    for (RoundItem item : rounds.items(round.id)) {
      Map<Long, Histogram> perGroup = byItem.getOrDefault(item.id, Map.of());
      Histogram overall = Histogram.empty(scale);
      Map<String, Histogram> named = new LinkedHashMap<>();
      for (StakeholderGroup group : groups) {
        Histogram h = perGroup.getOrDefault(group.id, Histogram.empty(scale));
        overall = overall.plus(h);
        named.put(group.name, h);
      }
      ItemResult result = engine.evaluate(overall, named);
      store(item, null, result.overall(), result.decision());
      for (int g = 0; g < groups.size(); g++) {
        GroupResult groupResult = result.groups().get(g);
        store(item, groups.get(g), groupResult.statistics(), groupResult.decision());
      }
    }
    return stopping(round);
  }

  private void store(RoundItem item, StakeholderGroup group, ItemStatistics s, Decision decision) {
    RoundItemResult stored = new RoundItemResult();
    stored.item = item;
    stored.group = group;
    stored.n = (int) s.n();
    stored.unableCount = (int) s.unableToRate();
    stored.outcome = decision.outcome();
    stored.reason = Texts.fit(decision.reason(), 1000);
    stored.statistics = StatisticsView.of(s).toJson();
    rounds.persistEntity(stored);
  }

  /** The final decision of each item of a closed round, by item id. */
  public Map<Long, Decision> overallDecisions(long roundId) {
    Map<Long, Decision> decisions = new LinkedHashMap<>();
    for (RoundItemResult r : rounds.results(roundId)) {
      if (r.group == null) {
        decisions.put(r.item.id, new Decision(r.outcome, r.reason));
      }
    }
    return decisions;
  }

  /** The stopping rule after a closed round, from its stored results and the round before. */
  public StopDecision stopping(Round round) {
    Protocol protocol = round.study.protocol;
    ResultsView view = results(round);
    long undecided = view.items().stream().filter(i -> i.outcome() == Outcome.NO_CONSENSUS).count();
    long stable =
        view.items().stream()
            .filter(
                i ->
                    i.outcome() == Outcome.NO_CONSENSUS
                        && i.stability() != null
                        && i.stability().stable())
            .count();
    return StoppingRule.evaluate(round.number, protocol.maximumRounds, undecided, stable);
  }

  /** Per item, overall and per group, with stability against the previous round. */
  public ResultsView results(Round round) {
    Protocol protocol = round.study.protocol;
    Scale scale = protocol.scale();
    List<RoundItem> items = rounds.items(round.id);
    Map<Long, List<RoundItemResult>> stored = new HashMap<>();
    for (RoundItemResult r : rounds.results(round.id)) {
      stored.computeIfAbsent(r.item.id, k -> new ArrayList<>()).add(r);
    }
    Map<Long, RoundItemResult> previousOverall = new HashMap<>();
    if (round.number > 1) {
      rounds
          .byNumber(round.study.id, round.number - 1)
          .ifPresent(
              previous -> {
                for (RoundItemResult r : rounds.results(previous.id)) {
                  if (r.group == null) {
                    previousOverall.put(r.item.id, r);
                  }
                }
              });
    }
    Map<Long, long[][]> joint = new HashMap<>();
    if (round.number > 1) {
      for (PairRow pair : rounds.pairs(round.id)) {
        joint
                .computeIfAbsent(pair.itemId(), k -> new long[scale.points()][scale.points()])[
                pair.previous() - scale.min()][pair.current() - scale.min()] +=
            pair.count();
      }
    }
    List<ItemResultView> views = new ArrayList<>();
    for (RoundItem item : items) {
      List<RoundItemResult> itemResults = stored.getOrDefault(item.id, List.of());
      RoundItemResult overall =
          itemResults.stream().filter(r -> r.group == null).findFirst().orElse(null);
      if (overall == null) {
        continue;
      }
      StatisticsView overallStats = StatisticsView.fromJson(overall.statistics);
      List<GroupResultView> groups = new ArrayList<>();
      for (RoundItemResult r : itemResults) {
        if (r.group != null) {
          StatisticsView s = StatisticsView.fromJson(r.statistics);
          boolean required = protocol.everyGroupRequired && s.n() >= protocol.minimumGroupSize;
          groups.add(
              new GroupResultView(r.group.id, r.group.name, s, r.outcome, r.reason, required));
        }
      }
      boolean divergent =
          groups.stream()
                  .filter(g -> g.statistics().n() >= Math.max(1, protocol.minimumGroupSize))
                  .map(GroupResultView::outcome)
                  .distinct()
                  .count()
              > 1;
      StabilityView stability = null;
      RoundItemResult before = item.previous == null ? null : previousOverall.get(item.previous.id);
      if (before != null) {
        double delta =
            Stability.delta(
                Histogram.of(scale, 0, StatisticsView.fromJson(before.statistics).countArray()),
                Histogram.of(scale, 0, overallStats.countArray()));
        IndividualStability individual =
            IndividualStability.of(
                joint.getOrDefault(item.id, new long[scale.points()][scale.points()]));
        stability =
            new StabilityView(
                finite(delta),
                Stability.isStable(delta, protocol.stabilityThreshold),
                individual.pairs(),
                finite(individual.percentUnchanged()),
                finite(individual.weightedKappa()),
                finite(individual.wilcoxon().v()),
                finite(individual.wilcoxon().z()),
                finite(individual.wilcoxon().p()),
                individual.wilcoxon().method().description());
      }
      views.add(
          new ItemResultView(
              item.id,
              item.statement.id,
              item.version.text,
              overallStats,
              overall.outcome,
              overall.reason,
              divergent,
              groups,
              stability));
    }
    return new ResultsView(
        round.id, round.number, protocol.engine().rule().describe(scale), round.stopReason, views);
  }

  private static Double finite(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : Math.round(x * 10_000) / 10_000.0;
  }
}
