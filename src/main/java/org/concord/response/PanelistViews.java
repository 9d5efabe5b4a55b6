package org.concord.response;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.qute.TemplateData;
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
      String group,
      long n,
      long unableToRate,
      List<Long> counts,
      Double median,
      Double q1,
      Double q3) {}

  /**
   * The previous round's answer to a carried statement, as far as the protocol shows it. {@code n}
   * counts the ratings on the scale; {@code unableToRate} the answers of "unable to rate", which
   * {@code unableInPercentages} says the protocol's denominator policy counts in the percentages.
   */
  public record Feedback(
      int round,
      Integer ownRating,
      Boolean ownUnableToRate,
      Long n,
      Long unableToRate,
      Boolean unableInPercentages,
      List<Long> counts,
      List<Double> percents,
      Double median,
      Double q1,
      Double q3,
      Double iqr,
      List<GroupFeedback> groups,
      List<String> comments,
      @JsonIgnore FarFromMedian farFromMedian) {}

  /**
   * The stored median of the round before and the protocol's distance from it at which a panelist
   * is invited to say why they rate as they do; null when the protocol does not ask. The pages
   * decide with it; the JSON leaves it out, as the protocol may not show the median.
   */
  public record FarFromMedian(double median, int distance) {}

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
      StudyInfo studyInfo,
      Integer laterRound,
      String lang,
      String studyLang,
      String descriptionLang) {}

  /**
   * Who runs the study and how to reach them, for every page a panelist reads; each detail may be
   * null (a study need not fill them all in). The time zone is the one dates are shown in.
   */
  @TemplateData
  public record StudyInfo(
      String title,
      String organisation,
      String contactName,
      String contactEmail,
      String contactPhone,
      String informationSheet,
      String dataProtection,
      String timeZone,
      String language) {

    public boolean hasContact() {
      return contactName != null || contactEmail != null || contactPhone != null;
    }

    /**
     * The phone number as a tel: address: digits and a leading plus only; an international number
     * loses the "(0)" written for callers inside the country ("+44 (0)114 …" is +44114…).
     */
    public String phoneHref() {
      if (contactPhone == null) {
        return null;
      }
      String number = contactPhone.strip();
      if (number.startsWith("+")) {
        number = number.replace("(0)", "");
      }
      String digits = number.replaceAll("[^0-9+]", "");
      return digits.isEmpty() ? null : digits.charAt(0) + digits.substring(1).replace("+", "");
    }
  }
}
