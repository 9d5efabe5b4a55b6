package org.concord.report;

import java.util.ArrayList;
import java.util.List;
import org.concord.study.Eligibility;
import org.concord.study.Protocol;
import org.concord.study.ProtocolWording;

/**
 * The method as a paper's methods section states it, written from the protocol: every parameter
 * that decides a statement's outcome, with its comparison sign, so that nothing is retyped.
 */
final class MethodText {

  private MethodText() {}

  static List<String> paragraphs(Protocol p, int roundsRun, String stoppedBy) {
    List<String> out = new ArrayList<>();
    int points = p.scaleMax - p.scaleMin + 1;
    out.add(
        "Panelists rated each statement on a "
            + points
            + "-point scale from "
            + p.scaleMin
            + " ("
            + p.scaleLabels.get(0)
            + ") to "
            + p.scaleMax
            + " ("
            + p.scaleLabels.get(points - 1)
            + "); every point carried a label: "
            + labels(p)
            + "."
            + (p.unableToRateAllowed
                ? " Panelists could also answer \"" + p.unableToRateLabel + "\"."
                : "")
            + " Ratings of "
            + ProtocolWording.band(p.agreeLow, p.agreeHigh)
            + " counted as agreement and ratings of "
            + ProtocolWording.band(p.disagreeLow, p.disagreeHigh)
            + " as disagreement; %agree is 100 × (ratings in the agree band) / n, and %disagree"
            + " likewise. "
            + ProtocolWording.statementOrder(p));
    out.add(
        "Consensus was defined before round 1 opened. Rule: "
            + ProtocolWording.name(p.ruleType)
            + ". "
            + ProtocolWording.rule(p));
    out.add(denominator(p) + " " + quantiles(p));
    List<String> guards = new ArrayList<>();
    guards.add(
        p.minimumN > 0
            ? ProtocolWording.minimumN(p)
            : "No minimum number of ratings per statement was set.");
    guards.add(
        "A round's results required at least "
            + p.minimumResponsePercent
            + "% of the panelists invited to it to submit; a round closed below that minimum"
            + " records why, and the reason is given under Participation.");
    if (p.everyGroupRequired) {
      guards.add(ProtocolWording.everyGroup(p));
    } else {
      guards.add(
          "Consensus was decided on the whole panel; results per stakeholder group are reported,"
              + " and a statement is flagged as divergent when groups with at least "
              + Math.max(1, p.minimumGroupSize)
              + " ratings reached different outcomes.");
    }
    out.add(String.join(" ", guards));
    out.add(feedback(p) + " " + eligibility(p));
    out.add(
        "The study was to stop after at most "
            + p.maximumRounds
            + (p.maximumRounds == 1 ? " round" : " rounds")
            + ", or earlier when every statement had reached consensus in or out, or when every"
            + " statement without consensus was stable: the change in its distribution between"
            + " consecutive rounds, Δ = ½ Σ |p_k(r) − p_k(r−1)| × 100 over the scale points, below "
            + p.stabilityThreshold
            + " percentage points. Individual stability is reported as the percentage of"
            + " panelists who kept their rating, the linearly weighted kappa, and the Wilcoxon"
            + " signed-rank test (two-sided; exact with fewer than 50 non-zero differences and no"
            + " ties, otherwise the normal approximation with tie and continuity corrections)."
            + " "
            + (roundsRun == 0
                ? "No round has closed yet."
                : roundsRun
                    + (roundsRun == 1 ? " round was" : " rounds were")
                    + " run"
                    + (stoppedBy == null ? "." : "; " + stoppedBy)));
    return out;
  }

  private static String denominator(Protocol p) {
    return p.unableToRateAllowed
        ? ProtocolWording.unableToRate(p)
        : "Every answer was a rating on the scale; n is the number of ratings.";
  }

  private static String quantiles(Protocol p) {
    return switch (p.quantileMethod) {
      case TYPE_7 ->
          "Medians, quartiles (IQR = Q3 − Q1) and the 30th and 70th percentiles were computed"
              + " with Hyndman and Fan's type 7 method (the default of R, numpy and Excel's"
              + " PERCENTILE.INC).";
      case TYPE_6 ->
          "Medians, quartiles (IQR = Q3 − Q1) and the 30th and 70th percentiles were computed"
              + " with Hyndman and Fan's type 6 method (SPSS, Excel's PERCENTILE.EXC), clamped to"
              + " the lowest and highest rating outside its range.";
    };
  }

  private static String feedback(Protocol p) {
    List<String> shown = new ArrayList<>();
    if (p.showOwnPrevious) {
      shown.add("their own earlier rating");
    }
    if (p.showDistribution) {
      shown.add(
          "the panel's distribution of ratings as a bar chart, as counts per point and as the"
              + " number and whole percentage who agreed, disagreed or neither (no median or"
              + " interquartile range)");
    }
    if (p.showGroupBreakdown) {
      shown.add("the same for each stakeholder group");
    }
    if (p.showComments) {
      shown.add("anonymised comments released by the study team");
    }
    String feedback =
        shown.isEmpty()
            ? "Panelists saw no feedback of the previous round."
            : "From round 2, beside each statement carried forward, panelists saw "
                + join(shown)
                + ".";
    String far = ProtocolWording.farFromMedian(p);
    return feedback
        + " A panelist whose new rating fell in another band than their earlier one could give a"
        + " reason for the change."
        + (far == null ? "" : " " + far);
  }

  private static String eligibility(Protocol p) {
    String who =
        p.eligibility == Eligibility.SUBMITTED_PREVIOUS_ROUND
            ? "Only panelists who submitted the previous round were invited to the next."
            : "Every panelist who had not withdrawn was invited to each round.";
    return who
        + " Each later round carried the statements without consensus, in their latest wording,"
        + " and any statements the team added; statements with consensus in or out retired with"
        + " their outcome.";
  }

  private static String labels(Protocol p) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.scaleLabels.size(); i++) {
      parts.add((p.scaleMin + i) + " = " + p.scaleLabels.get(i));
    }
    return String.join(", ", parts);
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
