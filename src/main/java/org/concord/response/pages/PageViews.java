package org.concord.response.pages;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.util.List;
import org.concord.response.PanelistViews.StudyInfo;

/** What the panelist pages render: plain values, worked out before the template runs. */
public final class PageViews {

  private PageViews() {}

  /**
   * What every page needs: the language, the link's base path (null on pages without a link) and
   * the query that keeps a chosen language on the next page; {@code info}, who runs the study and
   * how to reach them, is null on pages that must not name a study (an inactive link). {@code
   * studyLang} is the language of the study's name when it is not the page's (null when it is);
   * {@code here} the page within the link, where the language switch returns; {@code languages} the
   * switch's choices.
   */
  @TemplateData
  public record Chrome(
      String lang,
      String base,
      String langQuery,
      String study,
      String formToken,
      StudyInfo info,
      String studyLang,
      String here,
      List<LanguageOption> languages) {

    public Chrome(
        String lang,
        String base,
        String langQuery,
        String study,
        String formToken,
        StudyInfo info) {
      this(lang, base, langQuery, study, formToken, info, null, "", List.of());
    }
  }

  /** One choice of the language switch, named in its own language. */
  @TemplateData
  public record LanguageOption(String tag, String name, boolean current) {}

  @TemplateData
  public record ErrorView(String field, String message) {}

  @TemplateData
  public record SectionLink(int number, String title, int answered, int total, String titleLang) {}

  @TemplateData
  public record WelcomePage(
      Chrome chrome,
      int round,
      String description,
      int sections,
      int total,
      int answered,
      long minutes,
      String closes,
      boolean consentRequired,
      String consentError,
      String submittedOn,
      List<SectionLink> sectionLinks,
      List<ErrorView> errors,
      boolean saved,
      Plural plural,
      String descriptionLang) {}

  /**
   * The CLDR plural category ({@link org.concord.common.Plurals}) of each count a page says in
   * words, for the messages that choose their wording by it.
   */
  @TemplateData
  public record Plural(String total, String sections, String missing) {}

  @TemplateData
  public record Point(int value, String label, boolean checked) {}

  /**
   * How the scale is laid out: {@code points} its number of points, {@code longestWord} the length
   * of the longest word of its labels (capped), both as classes for the stylesheet to choose one
   * row or one list.
   */
  @TemplateData
  public record ScaleLayout(int points, int longestWord) {}

  /**
   * One bar of the chart: a scale point, how many chose it and the bar's height as a step of 5% of
   * the tallest bar (a class, since the pages allow no style attribute).
   */
  @TemplateData
  public record Bar(int value, String label, long count, int height, boolean mine) {}

  /**
   * One line of the summary: how many people rated in one part of the scale ({@code kind} agree,
   * neither or disagree) from {@code low} to {@code high}, and their whole percentage.
   */
  @TemplateData
  public record BandLine(String kind, long count, long percent, int low, int high) {}

  /**
   * The panel's answer in counts per part of the scale: {@code n} the people the percentages are
   * of, {@code rated} those who chose a point, {@code unable} those unable to rate, counted in
   * {@code n} when {@code unableCounted}.
   */
  @TemplateData
  public record Bands(
      long n,
      String nPlural,
      long rated,
      String ratedPlural,
      long unable,
      String unablePlural,
      long unablePercent,
      boolean unableCounted,
      List<BandLine> lines) {}

  @TemplateData
  public record FeedbackView(
      int round,
      int statement,
      long n,
      String nPlural,
      int min,
      int max,
      List<Bar> bars,
      Bands bands,
      boolean ownShown,
      Integer own,
      String ownLabel,
      boolean ownUnable,
      String unableLabel,
      List<GroupRow> groups,
      List<String> comments) {}

  /** One stakeholder group's answer in the previous round, when the protocol shows groups. */
  @TemplateData
  public record GroupRow(String group, Bands bands) {}

  @TemplateData
  public record StatementForm(
      Long itemId,
      int number,
      String text,
      List<Point> points,
      ScaleLayout layout,
      boolean unableAllowed,
      String unableLabel,
      boolean unableChecked,
      String comment,
      boolean showReason,
      String reason,
      String error,
      RawString feedback,
      boolean reasonFar,
      String commentError,
      String reasonError,
      String textLang,
      String labelsLang,
      String unableLang) {}

  @TemplateData
  public record SectionPage(
      Chrome chrome,
      int round,
      int number,
      int count,
      Long sectionId,
      String title,
      String introduction,
      List<StatementForm> statements,
      String sectionComment,
      String sectionCommentError,
      String answered,
      int total,
      List<ErrorView> errors,
      boolean saved,
      boolean askReasons,
      boolean reasonsBand,
      boolean reasonsFar,
      Plural plural,
      String titleLang,
      String introductionLang) {}

  /**
   * One statement on "Check your answers": the panelist's answer ({@code answered} false when there
   * is none yet; else "unable to rate" with its label, or a point with its label) and their
   * comment, if any.
   */
  @TemplateData
  public record ReviewAnswer(
      Long itemId,
      int number,
      String text,
      String textLang,
      boolean answered,
      boolean unable,
      String unableLabel,
      int value,
      String label,
      String comment) {}

  /** A section on "Check your answers": every statement of it, and the section's comment. */
  @TemplateData
  public record ReviewSection(
      int number, String title, String titleLang, List<ReviewAnswer> answers, String comment) {}

  @TemplateData
  public record ReviewPage(
      Chrome chrome,
      int round,
      int answered,
      int total,
      int missing,
      List<ReviewSection> sections,
      boolean consentRequired,
      String consentError,
      String submittedOn,
      List<ErrorView> errors,
      boolean saved,
      Plural plural) {}

  @TemplateData
  public record ThanksPage(Chrome chrome, int round, String closes) {}

  /**
   * The round behind the link has closed: {@code submitted} says whether this panelist sent their
   * answers; {@code laterRound}, a round running now that they were not invited to, or null.
   */
  @TemplateData
  public record ClosedPage(
      Chrome chrome, int round, String closedOn, boolean submitted, Integer laterRound) {}

  /** A page with a heading and one paragraph: inactive link, no round, refused form, goodbye. */
  @TemplateData
  public record NoticePage(Chrome chrome, String heading, String body, boolean linkHome) {}

  @TemplateData
  public record WithdrawPage(Chrome chrome) {}

  /** The information sheet and the data-protection statement, each as safe HTML ("" for none). */
  @TemplateData
  public record InformationPage(Chrome chrome, String sheet, String dataProtection) {}
}
