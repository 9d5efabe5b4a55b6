package org.concord.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
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
import org.concord.results.ResultsRepository.HistogramRow;
import org.concord.results.ResultsRepository.PairRow;
import org.concord.results.ResultsViews.GroupResultView;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.results.ResultsViews.StabilityView;
import org.concord.results.ResultsViews.StatisticsView;
import org.concord.round.ClosedRoundResults;
import org.concord.round.Round;
import org.concord.round.RoundItem;
import org.concord.round.RoundRepository;
import org.concord.round.RoundState;
import org.concord.study.Protocol;

/**
 * A round's results: aggregated with one GROUP BY when it closes, evaluated by the consensus
 * engine, and stored with every decision the engine made (per item and group, stability, the
 * stopping verdict). Reading results maps the stored rows and never runs the engine again.
 */
@ApplicationScoped
public class ResultsService implements ClosedRoundResults {

  @Inject ResultsRepository results;
  @Inject RoundRepository rounds;
  @Inject PanelRepository panel;

  @Override
  public StopDecision store(Round round) {
    Protocol protocol = round.study.protocol;
    ConsensusEngine engine = protocol.engine();
    Scale scale = engine.scale();
    List<StakeholderGroup> groups = panel.groups(round.study.id);
    Map<Long, Map<Long, Histogram>> byItem = new HashMap<>();
    for (HistogramRow row : results.histograms(round.id)) {
      byItem
          .computeIfAbsent(row.itemId(), k -> new HashMap<>())
          .merge(
              row.groupId(),
              Histogram.empty(scale).with(row.unable() ? null : row.value(), row.count()),
              Histogram::plus);
    }
    Map<Long, RoundItemResult> previousOverall = previousOverall(round);
    Map<Long, long[][]> joint = new HashMap<>();
    if (!previousOverall.isEmpty()) {
      for (PairRow pair : results.pairs(round.id)) {
        joint
                .computeIfAbsent(pair.itemId(), k -> new long[scale.points()][scale.points()])[
                pair.previous() - scale.min()][pair.current() - scale.min()] +=
            pair.count();
      }
    }
    long undecided = 0;
    long undecidedStable = 0;
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
      RoundItemResult stored = row(item, null, result.overall(), result.decision());
      stored.ruleOutcome = result.overallDecision().outcome();
      stored.divergent = result.divergent();
      RoundItemResult before = item.previous == null ? null : previousOverall.get(item.previous.id);
      if (before != null) {
        stability(
            stored,
            Histogram.of(scale, 0, before.countArray()),
            overall,
            joint.getOrDefault(item.id, new long[scale.points()][scale.points()]),
            protocol.stabilityThreshold);
      }
      results.persist(stored);
      for (int g = 0; g < groups.size(); g++) {
        GroupResult groupResult = result.groups().get(g);
        RoundItemResult groupRow =
            row(item, groups.get(g), groupResult.statistics(), groupResult.decision());
        groupRow.required = groupResult.required();
        results.persist(groupRow);
      }
      if (result.outcome() == Outcome.NO_CONSENSUS) {
        undecided++;
        if (Boolean.TRUE.equals(stored.stable)) {
          undecidedStable++;
        }
      }
    }
    return StoppingRule.evaluate(round.number, protocol.maximumRounds, undecided, undecidedStable);
  }

  private static RoundItemResult row(
      RoundItem item, StakeholderGroup group, ItemStatistics s, Decision decision) {
    RoundItemResult r = new RoundItemResult();
    r.item = item;
    r.group = group;
    r.n = s.n();
    r.rated = s.rated();
    r.unableCount = s.unableToRate();
    r.countArray(s.counts());
    r.agreeCount = s.agreeCount();
    r.disagreeCount = s.disagreeCount();
    r.percentAgree = s.percentAgree();
    r.percentDisagree = s.percentDisagree();
    r.percentNeutral = s.percentNeutral();
    r.median = finite(s.median());
    r.q1 = finite(s.q1());
    r.q3 = finite(s.q3());
    r.iqr = finite(s.iqr());
    r.p30 = finite(s.p30());
    r.p70 = finite(s.p70());
    r.ipr = finite(s.ipr());
    r.ipras = finite(s.ipras());
    r.disagreementIndex = finite(s.disagreementIndex());
    r.mean = finite(s.mean());
    r.sd = finite(s.sd());
    r.outcome = decision.outcome();
    r.basis = decision.basis();
    r.reason = Texts.fit(decision.reason(), 1000);
    return r;
  }

  private static void stability(
      RoundItemResult r, Histogram previous, Histogram current, long[][] joint, int threshold) {
    double delta = Stability.delta(previous, current);
    IndividualStability individual = IndividualStability.of(joint);
    r.stabilityDelta = finite(delta);
    r.stable = Stability.isStable(delta, threshold);
    r.stabilityPairs = individual.pairs();
    r.percentUnchanged = finite(individual.percentUnchanged());
    r.weightedKappa = finite(individual.weightedKappa());
    r.wilcoxonV = finite(individual.wilcoxon().v());
    r.wilcoxonZ = finite(individual.wilcoxon().z());
    r.wilcoxonP = finite(individual.wilcoxon().p());
    r.wilcoxonMethod = individual.wilcoxon().method().name();
  }

  /** The overall results of the round before, by that round's item id. */
  private Map<Long, RoundItemResult> previousOverall(Round round) {
    Map<Long, RoundItemResult> previous = new HashMap<>();
    if (round.number > 1) {
      rounds
          .byNumber(round.study.id, round.number - 1)
          .ifPresent(
              r -> {
                for (RoundItemResult stored : results.results(r.id)) {
                  if (stored.group == null) {
                    previous.put(stored.item.id, stored);
                  }
                }
              });
    }
    return previous;
  }

  @Override
  public Map<Long, Decision> decisions(long roundId) {
    Map<Long, Decision> decisions = new LinkedHashMap<>();
    for (RoundItemResult r : results.results(roundId)) {
      if (r.group == null) {
        decisions.put(r.item.id, new Decision(r.outcome, r.basis, r.reason));
      }
    }
    return decisions;
  }

  @Override
  public List<ItemSummary> summaries(long roundId) {
    return results.summaries(roundId);
  }

  /** A closed round's results, per item overall and per group, as stored. */
  public ResultsView results(long roundId) {
    Round round = rounds.require(roundId);
    if (round.state != RoundState.CLOSED) {
      throw ConcordException.conflict("Round " + round.number + " has no results until it closes.");
    }
    return view(round, results.results(round.id));
  }

  ResultsView view(Round round, List<RoundItemResult> stored) {
    Map<Long, List<RoundItemResult>> byItem = new LinkedHashMap<>();
    for (RoundItemResult r : stored) {
      byItem.computeIfAbsent(r.item.id, k -> new ArrayList<>()).add(r);
    }
    List<ItemResultView> items = new ArrayList<>();
    for (RoundItem item : rounds.items(round.id)) {
      List<RoundItemResult> rows = byItem.getOrDefault(item.id, List.of());
      RoundItemResult overall = rows.stream().filter(r -> r.group == null).findFirst().orElse(null);
      if (overall == null) {
        continue;
      }
      List<GroupResultView> groups =
          rows.stream()
              .filter(r -> r.group != null)
              .map(
                  r ->
                      new GroupResultView(
                          r.group.id,
                          r.group.name,
                          StatisticsView.of(r),
                          r.outcome,
                          r.basis,
                          r.reason,
                          r.required))
              .toList();
      items.add(
          new ItemResultView(
              item.id,
              item.statement.id,
              item.version.text,
              StatisticsView.of(overall),
              overall.outcome,
              overall.basis,
              overall.reason,
              overall.ruleOutcome,
              overall.divergent,
              groups,
              stabilityView(overall)));
    }
    Protocol protocol = round.study.protocol;
    return new ResultsView(
        round.id,
        round.number,
        protocol.engine().rule().describe(protocol.scale()),
        round.stopVerdict,
        round.stopReason,
        round.invitedAtClose,
        round.responsesAtClose,
        round.belowMinimumReason,
        items);
  }

  private static StabilityView stabilityView(RoundItemResult r) {
    if (r.stable == null) {
      return null;
    }
    return new StabilityView(
        r.stabilityDelta,
        r.stable,
        r.stabilityPairs == null ? 0 : r.stabilityPairs,
        r.percentUnchanged,
        r.weightedKappa,
        r.wilcoxonV,
        r.wilcoxonZ,
        r.wilcoxonP,
        r.wilcoxonMethod);
  }

  private static Double finite(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
  }
}
