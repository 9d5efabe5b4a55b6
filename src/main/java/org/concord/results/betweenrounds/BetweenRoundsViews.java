package org.concord.results.betweenrounds;

import java.util.List;

/** What the between-rounds pages show: plain values worked out before the template runs. */
public final class BetweenRoundsViews {

  private BetweenRoundsViews() {}

  /**
   * What the stopping rule said when the round before closed, and whether opening needs a reason.
   */
  public record Stopping(
      boolean stop, String explanation, boolean beyondMaximum, int maximumRounds) {

    public boolean needsOverride() {
      return stop || beyondMaximum;
    }
  }

  // ---- the proposal for the next round ----

  /**
   * The engine's proposal after a closed round: each statement's fate, who would be invited, the
   * stopping rule; {@code nextRoundId} once the next round is built.
   */
  public record ProposalPage(
      long roundId,
      int number,
      int nextNumber,
      Long nextRoundId,
      List<ProposalSection> sections,
      Tally tally,
      String invited,
      long invitedCount,
      Stopping stopping) {}

  public record ProposalSection(String title, List<ProposalRow> rows) {}

  /** One statement's fate: {@code badge} is the CSS class of its label, which says it in words. */
  public record ProposalRow(String text, String fate, String badge, String reason) {}

  public record Tally(long carried, long retiredIn, long retiredOut, long added, long leftOut) {

    public long rated() {
      return carried + added;
    }
  }

  // ---- preparing the draft ----

  /** A draft round after round 1, its statements grouped by section with the last round beside. */
  public record PreparePage(
      long roundId,
      int number,
      int previousNumber,
      long previousRoundId,
      List<PrepareSection> sections,
      int statementCount,
      long releasedCount,
      boolean commentsShown,
      boolean ownRatingShown,
      Stopping stopping,
      AddForm add) {}

  /**
   * A section of the guidance: the draft's statements in it, the comments on statements of the last
   * round that retire, and the comments on the section as a whole.
   */
  public record PrepareSection(
      Long id,
      String title,
      List<PrepareStatement> statements,
      List<CommentRow> retiredComments,
      List<CommentRow> sectionComments) {}

  /**
   * A statement of the draft with its reword form: {@code textField} and {@code reasonField} name
   * the form's fields, {@code textValue} and {@code reasonValue} fill them; {@code last} is the
   * last round's figures (none for a statement new in this round).
   */
  public record PrepareStatement(
      Long itemId,
      int number,
      String text,
      int version,
      String textField,
      String reasonField,
      String textLabel,
      String reasonLabel,
      String textValue,
      String reasonValue,
      boolean formOpen,
      LastRound last,
      List<CommentRow> comments) {}

  /** A statement's figures in the last round, as stored when it closed. */
  public record LastRound(
      long n, Double median, Double percentAgree, String outcome, String badge, String reason) {}

  /**
   * A panelist's comment: its words and group, never who wrote it. {@code on} names what it was
   * written on where the page does not show it already.
   */
  public record CommentRow(Long id, String text, String group, boolean released, String on) {}

  /** The form that adds a statement, as typed; {@code comments} offers the last round's. */
  public record AddForm(
      List<Choice> sections, String text, List<CommentChoice> comments, boolean open) {}

  public record Choice(String value, String label, boolean selected) {}

  public record CommentChoice(Long id, String text, String on, boolean checked) {}
}
