package org.concord.round;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concord.round.RoundViews.GroupProgress;
import org.concord.round.RoundViews.ProgressCounts;
import org.concord.round.RoundViews.ProgressView;

/** What the console's round pages show: records the templates read, computed here. */
public final class RoundPageViews {

  private RoundPageViews() {}

  /** One line of a study's list of rounds. */
  public record RoundRow(
      long id,
      int number,
      RoundState state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      long invited,
      long submitted) {
    public String stateLabel() {
      return label(state);
    }
  }

  /**
   * One line of the progress table: the whole panel or one stakeholder group. {@code key} is what
   * the page's script finds the line by ("overall" or the group's id).
   */
  public record ProgressLine(
      String key,
      String label,
      long invited,
      long opened,
      long inProgress,
      long submitted,
      double responseRate) {

    /** Submitted of invited, as a person reads it: {@code 41.7%}; the script shows it as sent. */
    @JsonProperty("rate")
    public String rate() {
      return percent(responseRate);
    }

    /** The bars' maximum: a progress bar needs one above zero, even for nobody invited. */
    public long barMax() {
      return Math.max(1, invited);
    }

    static ProgressLine of(String key, String label, ProgressCounts c) {
      return new ProgressLine(
          key, label, c.invited(), c.opened(), c.inProgress(), c.submitted(), c.responseRate());
    }
  }

  public static List<ProgressLine> lines(ProgressView progress) {
    List<ProgressLine> lines = new ArrayList<>();
    lines.add(ProgressLine.of("overall", "Whole panel", progress.overall()));
    for (GroupProgress g : progress.groups()) {
      lines.add(ProgressLine.of(String.valueOf(g.groupId()), g.group(), g.counts()));
    }
    return lines;
  }

  /** The sentence the page shows above the table and the script announces when it changes. */
  public static String summary(ProgressCounts overall) {
    return overall.submitted()
        + " of "
        + overall.invited()
        + " invited panelists have submitted ("
        + percent(overall.responseRate())
        + "); "
        + overall.inProgress()
        + " in progress, "
        + overall.opened()
        + " opened their link.";
  }

  /** What the page's script reads every few seconds. */
  public record ProgressJson(RoundState state, String summary, List<ProgressLine> lines) {}

  /**
   * A round's dashboard. Only the part of its state applies: a draft's invitees and override, an
   * open round's progress, reminders and minimum, a closed round's figures at closing.
   */
  public record Dashboard(
      long id,
      long studyId,
      int number,
      RoundState state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      String reminderDays,
      String personalMessage,
      int statements,
      boolean protocolLocked,
      long invitees,
      String overrideWhy,
      String progressSummary,
      List<ProgressLine> progress,
      RoundMonitor.ReminderOutlook reminders,
      int minimumResponse,
      boolean belowMinimum,
      Integer invitedAtClose,
      Integer submittedAtClose,
      String belowMinimumReason,
      String stopReason,
      boolean latest,
      Long nextRoundId,
      long lateSaves) {

    public String stateLabel() {
      return label(state);
    }

    /** The whole panel's line of the progress. */
    public ProgressLine overall() {
      return progress.isEmpty() ? null : progress.get(0);
    }

    public int nextNumber() {
      return number + 1;
    }

    public boolean draft() {
      return state == RoundState.DRAFT;
    }

    public boolean open() {
      return state == RoundState.OPEN;
    }

    public boolean closed() {
      return state == RoundState.CLOSED;
    }

    public String rateAtClose() {
      if (invitedAtClose == null || invitedAtClose == 0 || submittedAtClose == null) {
        return "–";
      }
      return percent(100.0 * submittedAtClose / invitedAtClose);
    }
  }

  static String label(RoundState state) {
    return switch (state) {
      case DRAFT -> "Draft";
      case OPEN -> "Open";
      case CLOSED -> "Closed";
    };
  }

  static String percent(double value) {
    return java.math.BigDecimal.valueOf(value)
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }
}
