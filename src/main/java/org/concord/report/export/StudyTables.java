package org.concord.report.export;

import static org.concord.report.export.ColumnType.BOOLEAN;
import static org.concord.report.export.ColumnType.DECIMAL;
import static org.concord.report.export.ColumnType.INTEGER;
import static org.concord.report.export.ColumnType.TEXT;
import static org.concord.report.export.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import org.concord.study.Protocol;

/** The columns of a study's exports; they are also its codebook. */
final class StudyTables {

  private StudyTables() {}

  static final Column PANELIST =
      new Column(
          "panelist",
          "Pseudonymous panelist id, the same in every export of the study; the identity map (for"
              + " coordinators only) links it to a person",
          TEXT,
          "P001, P002, …");

  static final Column GROUP =
      new Column("stakeholder_group", "The panelist's stakeholder group", TEXT);

  static final Column ROUND = new Column("round", "Round number, from 1", INTEGER);

  static final Column STATEMENT =
      new Column("statement_id", "Concord's id of the statement, stable across rounds", INTEGER);

  static final Column VERSION =
      new Column("statement_version", "Which wording of the statement was rated, from 1", INTEGER);

  static ExportTable ratings(Protocol p) {
    return new ExportTable(
        "ratings",
        "One row per rating of a submitted response (long format): by round, then panelist (in"
            + " pseudonym order), then the statement's position in the round.",
        PANELIST,
        GROUP,
        ROUND,
        STATEMENT,
        VERSION,
        new Column("item_id", "Concord's id of the statement in this round", INTEGER),
        new Column(
            "rating",
            "The rating on the scale; empty when the panelist could not rate the statement",
            INTEGER,
            p.scaleMin + "–" + p.scaleMax),
        new Column(
            "unable_to_rate", "The panelist answered \"" + p.unableToRateLabel + "\"", BOOLEAN),
        new Column(
            "changed_from_previous",
            "The answer differs from the same panelist's answer in the round before; empty when"
                + " they did not answer the statement then",
            BOOLEAN),
        new Column(
            "reason_for_change_given",
            "The panelist gave a reason for their rating where they were invited to: a rating in"
                + " another band than their own in the round before"
                + (p.farFromMedianReason && p.farFromMedianDistance != null
                    ? ", or "
                        + p.farFromMedianDistance
                        + " or more points from the panel's median of the round before"
                    : "")
                + " (the text is not exported here)",
            BOOLEAN),
        new Column(
            "shown_position",
            "Where the statement stood in the round as this panelist was shown it, from 1 (the"
                + " number it carried on their page, counting through the sections in order)."
                + " When the protocol's random order is on ("
                + (p.randomOrder ? "it is" : "it is not")
                + " in this study's protocol), the statements of each section are shown in an"
                + " order drawn once per panelist and round, so positions differ between"
                + " panelists within a section; otherwise it is the statement's position in the"
                + " round. Use it to look for order effects.",
            INTEGER,
            "1 to the number of statements in the round"));
  }

  static ExportTable itemResults(Protocol p) {
    List<Column> columns = new ArrayList<>();
    columns.add(ROUND);
    columns.add(STATEMENT);
    columns.add(VERSION);
    columns.add(
        new Column(
            "stakeholder_group", "The stakeholder group, or \"(all)\" for the whole panel", TEXT));
    columns.add(
        new Column("n", "Denominator of the percentages under the denominator policy", INTEGER));
    columns.add(new Column("rated", "Ratings on the scale", INTEGER));
    columns.add(new Column("unable_to_rate", "\"" + p.unableToRateLabel + "\" answers", INTEGER));
    for (int point = p.scaleMin; point <= p.scaleMax; point++) {
      columns.add(
          new Column(
              "count_" + point,
              "Ratings of " + point + " (" + p.scaleLabels.get(point - p.scaleMin) + ")",
              INTEGER));
    }
    columns.add(new Column("agree_count", "Answers counted as agreement", INTEGER));
    columns.add(new Column("disagree_count", "Answers counted as disagreement", INTEGER));
    columns.add(new Column("percent_agree", "100 × agree_count / n", DECIMAL));
    columns.add(new Column("percent_disagree", "100 × disagree_count / n", DECIMAL));
    columns.add(new Column("percent_neutral", "100 − percent_agree − percent_disagree", DECIMAL));
    String method = "Hyndman & Fan " + p.quantileMethod.name().replace("TYPE_", "type ");
    columns.add(new Column("median", "Median (" + method + ")", DECIMAL));
    columns.add(new Column("q1", "First quartile (" + method + ")", DECIMAL));
    columns.add(new Column("q3", "Third quartile (" + method + ")", DECIMAL));
    columns.add(new Column("iqr", "q3 − q1", DECIMAL));
    columns.add(new Column("p30", "30th percentile (" + method + ")", DECIMAL));
    columns.add(new Column("p70", "70th percentile (" + method + ")", DECIMAL));
    columns.add(new Column("ipr", "RAND/UCLA interpercentile range p70 − p30", DECIMAL));
    columns.add(new Column("ipras", "RAND/UCLA IPRAS = 2.35 + 1.5 × |5 − (p30 + p70)/2|", DECIMAL));
    columns.add(new Column("disagreement_index", "ipr / ipras", DECIMAL));
    columns.add(new Column("mean", "Mean of the ratings on the scale", DECIMAL));
    columns.add(new Column("sd", "Sample standard deviation (n − 1)", DECIMAL));
    columns.add(
        new Column(
            "outcome",
            "The outcome under the study's rule",
            TEXT,
            "CONSENSUS_IN, CONSENSUS_OUT, NO_CONSENSUS"));
    columns.add(
        new Column(
            "basis",
            "What the outcome rests on",
            TEXT,
            "RULE, NO_RATINGS, TOO_FEW_RATINGS, NOT_EVERY_GROUP"));
    columns.add(new Column("reason", "The outcome's reason in words", TEXT));
    columns.add(
        new Column(
            "divergent",
            "Whole panel only: stakeholder groups reached different outcomes",
            BOOLEAN));
    columns.add(
        new Column(
            "required",
            "Group rows only: the group had to meet the rule (every-group option)",
            BOOLEAN));
    columns.add(
        new Column(
            "stability_delta",
            "Whole panel, statements rated in the round before: Δ in percentage points",
            DECIMAL));
    columns.add(new Column("stable", "Δ below the protocol's stability threshold", BOOLEAN));
    columns.add(
        new Column("stability_pairs", "Panelists who rated the statement in both rounds", INTEGER));
    columns.add(
        new Column("percent_unchanged", "Of those, the percentage who kept their rating", DECIMAL));
    columns.add(
        new Column("weighted_kappa", "Linearly weighted kappa of the paired ratings", DECIMAL));
    columns.add(
        new Column("wilcoxon_v", "Wilcoxon signed-rank V (sum of positive ranks)", DECIMAL));
    columns.add(new Column("wilcoxon_z", "Its normal deviate", DECIMAL));
    columns.add(new Column("wilcoxon_p", "Its two-sided p; empty when not computable", DECIMAL));
    columns.add(
        new Column(
            "wilcoxon_method",
            "How p was obtained",
            TEXT,
            "EXACT, NORMAL_APPROXIMATION, NOT_COMPUTABLE"));
    return new ExportTable(
        "item_results", "One row per statement per round, for the panel and each group.", columns);
  }

  static final ExportTable COMMENTS =
      new ExportTable(
          "comments",
          "Every comment, without who wrote it.",
          ROUND,
          new Column(
              "statement_id", "The statement commented on; empty for a section comment", INTEGER),
          new Column("statement_version", "The wording commented on", INTEGER),
          new Column("section", "The section of the statement, or the section commented on", TEXT),
          GROUP,
          new Column("released", "The team released it as feedback to the panel", BOOLEAN),
          new Column("comment", "The comment's text", TEXT));

  static final ExportTable PARTICIPATION =
      new ExportTable(
          "participation",
          "One row per panelist per round they were invited to.",
          PANELIST,
          GROUP,
          ROUND,
          new Column(
              "link_opened_at", "First time the panelist opened their link this round", TIMESTAMP),
          new Column(
              "response_state", "How far the response got", TEXT, "NOT_STARTED, DRAFT, SUBMITTED"),
          new Column("consented_at", "When the panelist consented", TIMESTAMP),
          new Column("submitted_at", "When the response was submitted", TIMESTAMP));

  static final ExportTable IDENTITIES =
      new ExportTable(
          "identity_map",
          "Pseudonym to person: for coordinators only, keep it apart from the data.",
          PANELIST,
          new Column("name", "The panelist's name", TEXT),
          new Column("email", "The panelist's email address", TEXT),
          GROUP,
          new Column("status", "ADDED, INVITED, ACTIVE or WITHDRAWN", TEXT),
          new Column("withdrawn_at", "When the panelist withdrew", TIMESTAMP));
}
