package org.concord.round;

import java.time.Instant;
import java.util.List;
import org.concord.consensus.StoppingRule;
import org.concord.study.Eligibility;

/** What the API shows of rounds. */
public final class RoundViews {

  private RoundViews() {}

  public record RoundSettings(
      Instant closesAt, String reminderDays, String invitationSubject, String personalMessage) {}

  public record ItemView(
      Long id,
      int position,
      Long statementId,
      Long sectionId,
      String section,
      int version,
      String text,
      Long previousItemId) {
    static ItemView of(RoundItem i) {
      return new ItemView(
          i.id,
          i.position,
          i.statement.id,
          i.statement.section.id,
          i.statement.section.title,
          i.version.number,
          i.version.text,
          i.previous == null ? null : i.previous.id);
    }
  }

  public record StopView(boolean stop, StoppingRule.Reason reason, String explanation) {}

  public record RoundView(
      Long id,
      Long studyId,
      int number,
      RoundState state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      String reminderDays,
      String invitationSubject,
      String personalMessage,
      String overrideReason,
      String stopReason,
      StopView stoppingRuleBeforeOpening,
      List<ItemView> items) {}

  /** What becomes of a statement of a closed round when the next round is built. */
  public enum Fate {
    /** No consensus: rated again, in its latest wording. */
    CARRIED,
    /** Consensus in: retires with its outcome. */
    RETIRED_IN,
    /** Consensus out: retires with its outcome. */
    RETIRED_OUT,
    /** Taken out of the guidance by the team. */
    LEFT_OUT,
    /** In the guidance but never rated: added to the next round. */
    ADDED
  }

  /**
   * One statement in the proposal for the next round; {@code previousItemId} is its item in the
   * closed round (none for an addition) and {@code text} the wording the next round would show.
   */
  public record ProposedStatement(
      Long previousItemId,
      Long statementId,
      Long sectionId,
      String section,
      String text,
      Fate fate,
      String reason) {}

  /**
   * The engine's proposal for the round after a closed one, in guidance order; {@code nextRoundId}
   * once that round is built; {@code stop} what the stopping rule said when the round closed.
   */
  public record ProposalView(
      Long roundId,
      Long studyId,
      int number,
      Long nextRoundId,
      List<ProposedStatement> statements,
      Eligibility eligibility,
      long invited,
      StopView stop,
      int maximumRounds) {}

  public record ProgressCounts(
      long invited, long opened, long inProgress, long submitted, double responseRate) {}

  public record GroupProgress(Long groupId, String group, ProgressCounts counts) {}

  public record ProgressView(ProgressCounts overall, List<GroupProgress> groups) {}
}
