package org.concord.results;

import java.util.ArrayList;
import java.util.List;
import org.concord.consensus.Decision;
import org.concord.consensus.Outcome;
import org.concord.consensus.Scale;
import org.concord.results.ResultsViews.StabilityView;
import org.concord.results.ResultsViews.StatisticsView;

/**
 * What the console's results page shows, built from the same read model as the API ({@link
 * ResultsViews}): the numbers stay exact here and are rounded only by the template's formats.
 */
public final class ResultsPageViews {

  private ResultsPageViews() {}

  /** An outcome as the team reads it; {@code key} is the filter's value and the badge's class. */
  public enum OutcomeShown {
    IN("in", "Consensus in", "in"),
    OUT("out", "Consensus out", "out"),
    NONE("none", "No consensus", "none"),
    FEW("few", "Too few ratings", "none");

    public final String key;
    public final String label;
    public final String badge;

    OutcomeShown(String key, String label, String badge) {
      this.key = key;
      this.label = label;
      this.badge = badge;
    }

    /** Too few ratings (or none) is its own answer: the rule was not applied. */
    public static OutcomeShown of(Outcome outcome, Decision.Basis basis) {
      if (basis == Decision.Basis.TOO_FEW_RATINGS || basis == Decision.Basis.NO_RATINGS) {
        return FEW;
      }
      return switch (outcome) {
        case CONSENSUS_IN -> IN;
        case CONSENSUS_OUT -> OUT;
        case NO_CONSENSUS -> NONE;
      };
    }

    public static OutcomeShown byKey(String key) {
      for (OutcomeShown o : values()) {
        if (o.key.equals(key)) {
          return o;
        }
      }
      return null;
    }
  }

  /** One choice of a filter's list. */
  public record Option(String value, String label, boolean selected) {}

  /** The filters as the form shows them, and whether any narrows the list. */
  public record Filters(
      List<Option> rounds,
      List<Option> outcomes,
      List<Option> sections,
      List<Option> groups,
      String groupName,
      boolean divergentOnly,
      boolean narrowed) {}

  /** How many statements reached each outcome in the round, before any filter. */
  public record Tally(long in, long out, long none, long few, long total) {}

  /** The round's participation and the stopping rule's verdict when it closed. */
  public record RoundSummary(
      Long roundId,
      int number,
      String rule,
      String verdict,
      boolean stops,
      String stopReason,
      Integer invited,
      Integer submitted,
      String belowMinimumReason,
      Tally tally) {

    public Double responseRate() {
      return invited == null || submitted == null || invited == 0
          ? null
          : 100.0 * submitted / invited;
    }
  }

  public record SectionBlock(
      Long id, String title, List<StatementRow> statements, List<CommentRow> comments) {}

  /**
   * One statement of the round: the figures of the whole panel, or of the group chosen, with its
   * outcome and reason.
   */
  public record StatementRow(
      Long itemId,
      int number,
      String text,
      String shownFor,
      StatisticsView figures,
      OutcomeShown outcome,
      String reason,
      OutcomeShown panelOutcome,
      boolean divergent,
      boolean groupsRequired,
      List<GroupRow> groups,
      StabilityView stability,
      boolean stable,
      int stabilityThreshold,
      Chart chart,
      List<CommentRow> comments) {}

  public record GroupRow(
      String name, StatisticsView figures, OutcomeShown outcome, String reason, boolean required) {}

  /** A panelist's comment: its words and stakeholder group, never who wrote it. */
  public record CommentRow(String text, String group, boolean released) {}

  /**
   * A distribution drawn as SVG on the server: a bar per scale point, the agree and disagree bands
   * shaded behind them, the points along the axis. {@code description} says in words what the
   * picture shows.
   */
  public record Chart(
      String id,
      String title,
      String description,
      int width,
      int height,
      int plotTop,
      int plotBottom,
      int plotLeft,
      int plotRight,
      long maxCount,
      List<Bar> bars,
      List<BandArea> bands) {

    public int axisLabelY() {
      return plotBottom + 34;
    }

    public int axisLabelX() {
      return (plotLeft + plotRight) / 2;
    }

    public int pointLabelY() {
      return plotBottom + 16;
    }

    public int yLabelX() {
      return plotLeft - 6;
    }

    public int maxLabelY() {
      return plotTop + 4;
    }

    public int zeroLabelY() {
      return plotBottom + 4;
    }

    public int middleY() {
      return (plotTop + plotBottom) / 2;
    }
  }

  public record Bar(
      int value,
      String label,
      long count,
      String band,
      String fill,
      int x,
      int y,
      int width,
      int height) {

    public int centre() {
      return x + width / 2;
    }

    public int countY() {
      return y - 4;
    }
  }

  public record BandArea(String name, String fill, int x, int y, int width, int height) {

    public int centre() {
      return x + width / 2;
    }

    public int labelY() {
      return y - 24;
    }
  }

  private static final int BAR = 34;
  private static final int GAP = 10;
  private static final int LEFT = 40;
  private static final int RIGHT = 10;
  private static final int TOP = 44;
  private static final int PLOT = 120;
  private static final int BOTTOM = 44;

  /** The chart of one distribution; counts from the lowest scale point up. */
  static Chart chart(String id, List<Long> counts, Scale scale, List<String> labels, String whose) {
    int points = counts.size();
    int width = LEFT + points * (BAR + GAP) + RIGHT;
    long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    long total = counts.stream().mapToLong(Long::longValue).sum();
    int bottom = TOP + PLOT;
    List<Bar> bars = new ArrayList<>();
    StringBuilder words =
        new StringBuilder("Ratings from ")
            .append(scale.min())
            .append(" to ")
            .append(scale.min() + points - 1)
            .append(" by ")
            .append(total)
            .append(total == 1 ? " person" : " people")
            .append(": ");
    long agree = 0;
    long disagree = 0;
    for (int i = 0; i < points; i++) {
      int value = scale.min() + i;
      long count = counts.get(i);
      String band =
          scale.agree().contains(value)
              ? "agree"
              : scale.disagree().contains(value) ? "disagree" : "neutral";
      if (band.equals("agree")) {
        agree += count;
      } else if (band.equals("disagree")) {
        disagree += count;
      }
      int h = max == 0 ? 0 : (int) Math.round((double) PLOT * count / max);
      if (count > 0 && h == 0) {
        h = 1;
      }
      String label = i < labels.size() ? labels.get(i) : "";
      bars.add(
          new Bar(
              value,
              label,
              count,
              band,
              switch (band) {
                case "agree" -> "#166534";
                case "disagree" -> "#b00020";
                default -> "#4a4a4a";
              },
              LEFT + i * (BAR + GAP) + GAP / 2,
              bottom - h,
              BAR,
              h));
      words.append(value).append(": ").append(count).append(i + 1 < points ? ", " : ". ");
    }
    words
        .append("Agree band ")
        .append(scale.agree().text())
        .append(": ")
        .append(agree)
        .append("; disagree band ")
        .append(scale.disagree().text())
        .append(": ")
        .append(disagree)
        .append('.');
    List<BandArea> bands = new ArrayList<>();
    bands.add(band("Disagree", "#fde2e4", scale.disagree().low(), scale.disagree().high(), scale));
    bands.add(band("Agree", "#dcfce7", scale.agree().low(), scale.agree().high(), scale));
    return new Chart(
        id,
        "Distribution of ratings" + (whose == null ? "" : ", " + whose),
        words.toString(),
        width,
        TOP + PLOT + BOTTOM,
        TOP,
        bottom,
        LEFT,
        width - RIGHT,
        max,
        bars,
        bands);
  }

  private static BandArea band(String name, String fill, int low, int high, Scale scale) {
    int x = LEFT + (low - scale.min()) * (BAR + GAP);
    return new BandArea(name, fill, x, TOP, (high - low + 1) * (BAR + GAP), PLOT);
  }
}
