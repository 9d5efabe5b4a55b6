package org.concord.response;

import java.time.Instant;
import java.util.List;
import org.concord.round.RoundState;

/** What a panelist's link shows and takes (JSON); the pages of /p/{token} render the same. */
public final class PanelistViews {

  private PanelistViews() {}

  public record RatingInput(
      Long itemId, Integer value, Boolean unableToRate, String reasonForChange) {}

  public record CommentInput(Long itemId, Long sectionId, String text) {}

  /** A save: any subset of answers; sending the same save twice changes nothing more. */
  public record SaveRequest(
      Boolean consent, List<RatingInput> ratings, List<CommentInput> comments) {}

  public record ScaleView(
      int min,
      int max,
      List<String> labels,
      boolean unableToRateAllowed,
      String unableToRateLabel,
      String agreeBand,
      String disagreeBand,
      boolean defaultLabels,
      String labelsLang,
      boolean defaultUnableToRateLabel,
      String unableToRateLabelLang) {}

  public record GroupFeedback(
      String group, long n, List<Long> counts, Double median, Double q1, Double q3) {}

  /** The previous round's answer to a carried statement, as far as the protocol shows it. */
  public record Feedback(
      int round,
      Integer ownRating,
      Boolean ownUnableToRate,
      Long n,
      List<Long> counts,
      List<Double> percents,
      Double median,
      Double q1,
      Double q3,
      Double iqr,
      List<GroupFeedback> groups,
      List<String> comments) {}

  /** {@code lang}: the language the text is in (a translation's, or the study's own). */
  public record ItemView(Long itemId, String text, Feedback feedback, String lang) {}

  public record SectionView(
      Long id,
      String title,
      String introduction,
      List<ItemView> items,
      String titleLang,
      String introductionLang) {}

  public record AnswerView(
      Long itemId, Integer value, boolean unableToRate, String reasonForChange) {}

  public record CommentView(Long itemId, Long sectionId, String text) {}

  public record ResponseView(
      String state,
      Instant consentedAt,
      Instant submittedAt,
      List<AnswerView> ratings,
      List<CommentView> comments,
      int answered,
      int total) {}

  public record RoundPage(
      String study,
      String description,
      int round,
      RoundState state,
      Instant closesAt,
      Instant closedAt,
      boolean consentRequired,
      boolean partialSubmissionAllowed,
      ScaleView scale,
      List<SectionView> sections,
      ResponseView response,
      String lang,
      String studyLang,
      String descriptionLang) {}
}
