package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.response.PanelistViews.AnswerView;
import org.concord.response.PanelistViews.CommentView;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.pages.PageViews.Chrome;
import org.concord.response.pages.PageViews.ClosedPage;
import org.concord.response.pages.PageViews.ErrorView;
import org.concord.response.pages.PageViews.Point;
import org.concord.response.pages.PageViews.ReviewPage;
import org.concord.response.pages.PageViews.SectionLink;
import org.concord.response.pages.PageViews.SectionPage;
import org.concord.response.pages.PageViews.StatementForm;
import org.concord.response.pages.PageViews.ThanksPage;
import org.concord.response.pages.PageViews.Unanswered;
import org.concord.response.pages.PageViews.WelcomePage;

/**
 * The service's {@link RoundPage} as the view of each panelist page, so that templates only print
 * values and never work anything out.
 */
final class PageModels {

  /** Reading time per statement for the welcome page's estimate. */
  private static final int SECONDS_PER_STATEMENT = 20;

  private PageModels() {}

  private static String date(Instant instant, String lang) {
    if (instant == null) {
      return null;
    }
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.forLanguageTag(lang))
        .withZone(ZoneId.of("UTC"))
        .format(instant);
  }

  private static int answeredIn(SectionView section, RoundPage page) {
    Set<Long> answered = answeredIds(page);
    return (int) section.items().stream().filter(i -> answered.contains(i.itemId())).count();
  }

  private static Set<Long> answeredIds(RoundPage page) {
    return page.response().ratings().stream().map(AnswerView::itemId).collect(Collectors.toSet());
  }

  private static List<SectionLink> sectionLinks(RoundPage page) {
    List<SectionLink> links = new ArrayList<>();
    for (int i = 0; i < page.sections().size(); i++) {
      SectionView s = page.sections().get(i);
      links.add(
          new SectionLink(
              i + 1,
              s.title(),
              answeredIn(s, page),
              s.items().size(),
              other(s.titleLang(), page.lang())));
    }
    return links;
  }

  static WelcomePage welcome(Chrome chrome, RoundPage page, List<ErrorView> errors, boolean saved) {
    int total = page.response().total();
    return new WelcomePage(
        chrome,
        page.round(),
        page.description(),
        page.sections().size(),
        total,
        page.response().answered(),
        Math.max(1, (total * SECONDS_PER_STATEMENT + 59) / 60),
        date(page.closesAt(), chrome.lang()),
        page.consentRequired(),
        consentError(errors),
        date(page.response().submittedAt(), chrome.lang()),
        sectionLinks(page),
        errors,
        saved,
        other(page.descriptionLang(), chrome.lang()));
  }

  private static String consentError(List<ErrorView> errors) {
    return errors.stream()
        .filter(e -> "consent".equals(e.field()))
        .map(ErrorView::message)
        .findFirst()
        .orElse(null);
  }

  static ReviewPage review(Chrome chrome, RoundPage page, List<ErrorView> errors, boolean saved) {
    Set<Long> answered = answeredIds(page);
    List<Unanswered> missing = new ArrayList<>();
    for (int i = 0; i < page.sections().size(); i++) {
      SectionView s = page.sections().get(i);
      for (ItemView item : s.items()) {
        if (!answered.contains(item.itemId())) {
          missing.add(
              new Unanswered(
                  i + 1,
                  s.title(),
                  item.text(),
                  other(s.titleLang(), chrome.lang()),
                  other(item.lang(), chrome.lang())));
        }
      }
    }
    return new ReviewPage(
        chrome,
        page.round(),
        page.response().answered(),
        page.response().total(),
        missing,
        page.consentRequired(),
        consentError(errors),
        date(page.response().submittedAt(), chrome.lang()),
        errors,
        saved);
  }

  static ThanksPage thanks(Chrome chrome, RoundPage page) {
    return new ThanksPage(chrome, page.round(), date(page.closesAt(), chrome.lang()));
  }

  static ClosedPage closed(Chrome chrome, RoundPage page) {
    return new ClosedPage(chrome, page.round(), date(page.closedAt(), chrome.lang()));
  }

  /**
   * The section's form. {@code posted} (a refused post) takes the place of the stored answers, so
   * nothing the panelist typed is lost when the form comes back with a message; {@code fieldErrors}
   * are shown at their fields and in the summary above the form.
   */
  static SectionPage section(
      Chrome chrome,
      RoundPage page,
      int number,
      MultivaluedMap<String, String> posted,
      Map<String, String> fieldErrors,
      boolean saved,
      boolean askReasons) {
    SectionView section = page.sections().get(number - 1);
    ScaleView scale = localised(page.scale(), chrome.lang());
    Map<Long, AnswerView> answers = new HashMap<>();
    page.response().ratings().forEach(a -> answers.put(a.itemId(), a));
    Map<Long, String> comments = new HashMap<>();
    String sectionComment = null;
    for (CommentView c : page.response().comments()) {
      if (c.itemId() != null) {
        comments.put(c.itemId(), c.text());
      } else if (section.id().equals(c.sectionId())) {
        sectionComment = c.text();
      }
    }
    int offset = 0;
    for (int i = 0; i < number - 1; i++) {
      offset += page.sections().get(i).items().size();
    }
    List<StatementForm> statements = new ArrayList<>();
    for (int i = 0; i < section.items().size(); i++) {
      ItemView item = section.items().get(i);
      AnswerView answer = answers.get(item.itemId());
      String chosen;
      String comment;
      String reason;
      if (posted != null) {
        chosen = posted.getFirst("rating-" + item.itemId());
        comment = posted.getFirst("comment-" + item.itemId());
        reason = posted.getFirst("reason-" + item.itemId());
      } else {
        chosen =
            answer == null
                ? null
                : answer.unableToRate() ? SectionForm.UNABLE : String.valueOf(answer.value());
        comment = comments.get(item.itemId());
        reason = answer == null ? null : answer.reasonForChange();
      }
      List<Point> points = new ArrayList<>();
      for (int v = scale.min(); v <= scale.max(); v++) {
        points.add(new Point(v, label(scale, v), String.valueOf(v).equals(chosen)));
      }
      statements.add(
          new StatementForm(
              item.itemId(),
              offset + i + 1,
              item.text(),
              points,
              scale.unableToRateAllowed(),
              scale.unableToRateLabel(),
              SectionForm.UNABLE.equals(chosen),
              comment,
              reason != null && !reason.isBlank()
                  || posted != null && posted.containsKey("reason-" + item.itemId())
                  || BandRule.crossesBand(item.feedback(), chosen, scale),
              reason,
              fieldErrors.get("statement-" + item.itemId()),
              FeedbackChart.of(item, scale),
              other(item.lang(), chrome.lang()),
              other(scale.labelsLang(), chrome.lang()),
              other(scale.unableToRateLabelLang(), chrome.lang())));
    }
    if (posted != null) {
      sectionComment = posted.getFirst("section-comment");
    }
    return new SectionPage(
        chrome,
        page.round(),
        number,
        page.sections().size(),
        section.id(),
        section.title(),
        section.introduction(),
        statements,
        sectionComment,
        fieldErrors.get("section-comment"),
        String.valueOf(page.response().answered()),
        page.response().total(),
        SectionForm.summary(fieldErrors),
        saved,
        askReasons,
        other(section.titleLang(), chrome.lang()),
        other(section.introductionLang(), chrome.lang()));
  }

  /**
   * The language to mark a study text with: its own when it is not the page's, else none. An
   * untranslated English statement on a Welsh page gets {@code lang="en"}; a translated one none.
   */
  static String other(String textLang, String pageLang) {
    return textLang == null || textLang.equals(pageLang) ? null : textLang;
  }

  /**
   * The scale with Concord's own default labels (and the default unable-to-rate answer) in the
   * page's language from the messages file; labels the study wrote are left as the service gave
   * them (translated or in the study's language).
   */
  static ScaleView localised(ScaleView scale, String lang) {
    PanelistMessages msg = PanelistPages.messages(lang);
    List<String> labels = scale.labels();
    String labelsLang = scale.labelsLang();
    if (scale.defaultLabels()) {
      labels = scale.labels().stream().map(l -> defaultLabel(msg, l)).toList();
      labelsLang = lang;
    }
    String unable = scale.unableToRateLabel();
    String unableLang = scale.unableToRateLabelLang();
    if (scale.defaultUnableToRateLabel()) {
      unable = msg.unableToRate();
      unableLang = lang;
    }
    return new ScaleView(
        scale.min(),
        scale.max(),
        labels,
        scale.unableToRateAllowed(),
        unable,
        scale.agreeBand(),
        scale.disagreeBand(),
        scale.defaultLabels(),
        labelsLang,
        scale.defaultUnableToRateLabel(),
        unableLang);
  }

  /** One of {@link org.concord.study.Protocol#agreementLabels}'s words in the page's language. */
  private static String defaultLabel(PanelistMessages msg, String english) {
    return switch (english) {
      case "Strongly disagree" -> msg.scaleStronglyDisagree();
      case "Disagree" -> msg.scaleDisagree();
      case "Mostly disagree" -> msg.scaleMostlyDisagree();
      case "Slightly disagree" -> msg.scaleSlightlyDisagree();
      case "Neither agree nor disagree" -> msg.scaleNeither();
      case "Slightly agree" -> msg.scaleSlightlyAgree();
      case "Mostly agree" -> msg.scaleMostlyAgree();
      case "Agree" -> msg.scaleAgree();
      case "Strongly agree" -> msg.scaleStronglyAgree();
      default -> english;
    };
  }

  /** A point's label, or none where the protocol names fewer points than the scale has. */
  static String label(ScaleView scale, int value) {
    int index = value - scale.min();
    return index < scale.labels().size() ? scale.labels().get(index) : "";
  }
}
