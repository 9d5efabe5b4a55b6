package org.concord.report;

import java.time.Instant;
import java.util.List;
import org.concord.consensus.Outcome;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.study.ProtocolSettings;

/**
 * The consensus report as data: the JSON export, and what the HTML and PDF render. Numbers are at
 * full precision here; the HTML rounds them where a person reads them.
 */
public final class ReportViews {

  private ReportViews() {}

  public record Report(
      String title,
      String summary,
      Software software,
      Instant exportedAt,
      Method method,
      List<ProtocolChange> protocolChanges,
      List<ChecklistGuideline> checklist,
      Panel panel,
      List<RoundParticipation> rounds,
      StatementFlow statementFlow,
      List<RoundResults> results,
      List<SensitivityRow> sensitivity,
      List<String> sensitivityRules,
      List<AttritionCheck> attrition,
      FinalList finalList,
      List<ReleasedComment> comments,
      Rounding rounding) {}

  public record Software(String name, String version) {}

  /** The method paragraph ready to paste, and the protocol it was written from. */
  public record Method(List<String> paragraphs, ProtocolSettings protocol, String stoppingRule) {}

  public record ProtocolChange(Instant at, String author, String action, String detail) {}

  public record ChecklistGuideline(String id, String citation, List<ChecklistItem> items) {}

  /**
   * One reporting item: answered by the report ({@code section} names where) or left to the authors
   * ({@code section} null).
   */
  public record ChecklistItem(
      String item, String section, String topic, String answer, String reportSection) {}

  public record GroupCount(String group, long panelists, long withdrawn) {}

  public record Panel(long panelists, long withdrawn, List<GroupCount> groups) {}

  public record GroupParticipation(
      String group, long invited, long submitted, Long invitedRoundOne, Double responseRate) {}

  /**
   * Who took part in one round. Response rates are percentages: of those invited to the round, and
   * of those invited to round 1.
   */
  public record RoundParticipation(
      int number,
      String state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      long invited,
      long delivered,
      long opened,
      long started,
      long submitted,
      Double responseRateOfInvited,
      Double responseRateOfRoundOne,
      String belowMinimumReason,
      String overrideReason,
      String stopVerdict,
      String stopReason,
      List<GroupParticipation> groups) {}

  /** Statements per round: rated, and what happened to them on the way to the next round. */
  public record StatementFlowRound(
      int number,
      long rated,
      long consensusIn,
      long consensusOut,
      long noConsensus,
      long added,
      long reworded,
      long carried,
      long retiredIn,
      long retiredOut) {}

  public record StatementFlow(List<StatementFlowRound> rounds) {}

  /** One closed round's results per statement, as stored when it closed. */
  public record RoundResults(int number, String rule, List<ItemResultView> items) {}

  /**
   * A statement's outcome in the round that decided it, under the declared rule (which decides) and
   * under each other built-in rule with its usual parameters; {@code changes} when any differs.
   */
  public record SensitivityRow(
      long statementId,
      String text,
      int round,
      Outcome declared,
      List<Outcome> alternatives,
      boolean changes) {}

  /**
   * Round {@code round − 1} ratings of those who went on to submit round {@code round} against
   * those who did not, per statement carried into it.
   */
  public record AttritionCheck(int round, long stayed, long left, List<AttritionRow> statements) {}

  public record AttritionRow(
      long statementId,
      String text,
      long stayedRated,
      long leftRated,
      Double stayedPercentAgree,
      Double leftPercentAgree,
      Double difference,
      Double mannWhitneyW,
      Double mannWhitneyP,
      String mannWhitneyMethod,
      boolean flagged) {}

  public record Wording(int version, String text, String origin, String reason) {}

  public record FinalStatement(
      long statementId,
      String section,
      String text,
      Outcome outcome,
      Integer round,
      String reason,
      List<Wording> wordings) {}

  /** Every statement in guidance order with its final outcome (null: never rated). */
  public record FinalList(
      List<FinalStatement> consensusIn,
      List<FinalStatement> consensusOut,
      List<FinalStatement> noConsensus) {}

  public record ReleasedComment(int round, Long statementId, String section, String text) {}

  /** How the HTML and PDF round what they print; the JSON and the exports do not round. */
  public record Rounding(int percentDecimals, int statisticDecimals, int pValueDecimals) {}
}
