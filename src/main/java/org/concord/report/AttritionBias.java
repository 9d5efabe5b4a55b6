package org.concord.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.consensus.Band;
import org.concord.consensus.RankSumTest;
import org.concord.report.ReportRepository.StayerRow;
import org.concord.report.ReportViews.AttritionCheck;
import org.concord.report.ReportViews.AttritionRow;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.round.Round;
import org.concord.round.RoundItem;
import org.concord.round.RoundRepository;
import org.concord.study.Protocol;

/**
 * Whether those who left a study rated differently from those who stayed: consensus reached after
 * the dissenters dropped out is not consensus of the panel. For each round after the first, the
 * previous round's ratings of those who went on to submit it against those who did not, per
 * statement carried into it.
 */
@ApplicationScoped
class AttritionBias {

  /** A difference in %agree of this many points or more is flagged. */
  static final double POINTS = 15;

  /** A Mann–Whitney p below this is flagged. */
  static final double ALPHA = 0.05;

  @Inject ReportRepository report;
  @Inject RoundRepository rounds;

  List<AttritionCheck> check(
      Protocol protocol, List<Round> closed, Map<Integer, ResultsView> resultsByRound) {
    Band agree = protocol.scale().agree();
    int points = protocol.scaleMax - protocol.scaleMin + 1;
    List<AttritionCheck> checks = new ArrayList<>();
    for (int i = 1; i < closed.size(); i++) {
      Round previous = closed.get(i - 1);
      Round round = closed.get(i);
      if (previous.number != round.number - 1) {
        continue;
      }
      Map<Long, ItemResultView> previousItems = new HashMap<>();
      resultsByRound.get(previous.number).items().forEach(v -> previousItems.put(v.itemId(), v));
      Map<Long, long[]> stayers = new HashMap<>();
      for (StayerRow row : report.stayerHistograms(previous.id, round.id)) {
        stayers
                .computeIfAbsent(row.itemId(), k -> new long[points])[
                row.value() - protocol.scaleMin] +=
            row.count();
      }
      List<AttritionRow> rows = new ArrayList<>();
      for (RoundItem item : rounds.items(round.id)) {
        ItemResultView before = item.previous == null ? null : previousItems.get(item.previous.id);
        if (before == null) {
          continue;
        }
        long[] all = before.statistics().counts().stream().mapToLong(Long::longValue).toArray();
        long[] stayed = stayers.getOrDefault(before.itemId(), new long[points]);
        long[] left = new long[points];
        for (int p = 0; p < points; p++) {
          left[p] = all[p] - stayed[p];
        }
        rows.add(row(item.statement.id, before.text(), stayed, left, agree, protocol.scaleMin));
      }
      long stayedCount = report.stayed(previous.id, round.id);
      long submittedBefore = previous.responsesAtClose == null ? 0 : previous.responsesAtClose;
      checks.add(
          new AttritionCheck(
              round.number, stayedCount, Math.max(0, submittedBefore - stayedCount), rows));
    }
    return checks;
  }

  private static AttritionRow row(
      long statementId, String text, long[] stayed, long[] left, Band agree, int scaleMin) {
    long stayedRated = sum(stayed);
    long leftRated = sum(left);
    Double stayedAgree = percent(inBand(stayed, agree, scaleMin), stayedRated);
    Double leftAgree = percent(inBand(left, agree, scaleMin), leftRated);
    Double difference = stayedAgree == null || leftAgree == null ? null : stayedAgree - leftAgree;
    RankSumTest test = RankSumTest.of(stayed, left);
    Double p = Double.isNaN(test.p()) ? null : test.p();
    boolean flagged =
        (difference != null && Math.abs(difference) >= POINTS) || (p != null && p < ALPHA);
    return new AttritionRow(
        statementId,
        text,
        stayedRated,
        leftRated,
        stayedAgree,
        leftAgree,
        difference,
        test.w(),
        p,
        test.method().name(),
        flagged);
  }

  private static long inBand(long[] counts, Band band, int scaleMin) {
    long sum = 0;
    for (int point = band.low(); point <= band.high(); point++) {
      sum += counts[point - scaleMin];
    }
    return sum;
  }

  private static long sum(long[] counts) {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  private static Double percent(long count, long of) {
    return of == 0 ? null : 100.0 * count / of;
  }
}
