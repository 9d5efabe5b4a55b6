package org.concord.response.pages;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the panelist pages render: plain values, worked out before the template runs. */
public final class PageViews {

  private PageViews() {}

  /**
   * What every page needs: the language, the link's base path (null on pages without a link) and
   * the query that keeps a chosen language on the next page. {@code studyLang} is the language of
   * the study's name when it is not the page's (null when it is); {@code here} the page within the
   * link, where the language switch returns; {@code languages} the switch's choices.
   */
  @TemplateData
  public record Chrome(
      String lang,
      String base,
      String langQuery,
      String study,
      String formToken,
      String studyLang,
      String here,
      List<LanguageOption> languages) {

    public Chrome(String lang, String base, String langQuery, String study, String formToken) {
      this(lang, base, langQuery, study, formToken, null, "", List.of());
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
      String descriptionLang) {}

  @TemplateData
  public record Point(int value, String label, boolean checked) {}

  @TemplateData
  public record Bar(
      int value,
      String label,
      long count,
      String percent,
      int x,
      int y,
      int width,
      int height,
      int cx,
      int countY,
      boolean mine) {}

  @TemplateData
  public record FeedbackView(
      int round,
      long n,
      int min,
      int max,
      int width,
      List<Bar> bars,
      String median,
      String q1,
      String q3,
      boolean ownShown,
      Integer own,
      String ownLabel,
      boolean ownUnable,
      String unableLabel,
      List<GroupRow> groups,
      List<String> comments) {}

  /** One stakeholder group's answer in the previous round, when the protocol shows groups. */
  @TemplateData
  public record GroupRow(String group, long n, String median, String q1, String q3) {}

  @TemplateData
  public record StatementForm(
      Long itemId,
      int number,
      String text,
      List<Point> points,
      boolean unableAllowed,
      String unableLabel,
      boolean unableChecked,
      String comment,
      boolean showReason,
      String reason,
      String error,
      FeedbackView feedback,
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
      String titleLang,
      String introductionLang) {}

  @TemplateData
  public record Unanswered(
      int section, String sectionTitle, String text, String sectionTitleLang, String textLang) {}

  @TemplateData
  public record ReviewPage(
      Chrome chrome,
      int round,
      int answered,
      int total,
      List<Unanswered> unanswered,
      boolean consentRequired,
      String consentError,
      String submittedOn,
      List<ErrorView> errors,
      boolean saved) {}

  @TemplateData
  public record ThanksPage(Chrome chrome, int round, String closes) {}

  @TemplateData
  public record ClosedPage(Chrome chrome, int round, String closedOn) {}

  /** A page with a heading and one paragraph: inactive link, no round, refused form, goodbye. */
  @TemplateData
  public record NoticePage(Chrome chrome, String heading, String body, boolean linkHome) {}

  @TemplateData
  public record WithdrawPage(Chrome chrome) {}
}
