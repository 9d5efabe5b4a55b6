package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.common.Plurals;
import org.concord.response.PanelistViews.AnswerView;
import org.concord.response.PanelistViews.CommentView;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.pages.PageViews.Chrome;
import org.concord.response.pages.PageViews.ClosedPage;
import org.concord.response.pages.PageViews.ErrorView;
import org.concord.response.pages.PageViews.Plural;
import org.concord.response.pages.PageViews.Point;
import org.concord.response.pages.PageViews.ReviewAnswer;
import org.concord.response.pages.PageViews.ReviewPage;
import org.concord.response.pages.PageViews.ReviewSection;
import org.concord.response.pages.PageViews.ScaleLayout;
import org.concord.response.pages.PageViews.SectionLink;
import org.concord.response.pages.PageViews.SectionPage;
import org.concord.response.pages.PageViews.StatementForm;
import org.concord.response.pages.PageViews.ThanksPage;
import org.concord.response.pages.PageViews.WelcomePage;
import org.concord.round.TimeEstimate;
import org.concord.study.StudyTime;

/**
 * The service's {@link RoundPage} as the view of each panelist page, so that templates only print
 * values and never work anything out.
 */
final class PageModels {

  private PageModels() {}

  /** A time as the panelist reads it: in the study's zone, named, in the page's language. */
  private static String date(Instant instant, Chrome chrome) {
    String zone = chrome.info() == null ? null : chrome.info().timeZone();
    return StudyTime.dateTime(instant, zone, chrome.lang());
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

  /** The plural categories of the page's counts in the page's language. */
  private static Plural plural(String lang, int total, int sections, int missing) {
    return new Plural(
        Plurals.category(lang, total),
        Plurals.category(lang, sections),
        Plurals.category(lang, missing));
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
        TimeEstimate.minutes(total, withFeedback(page)),
        date(page.closesAt(), chrome),
        page.consentRequired(),
        consentError(errors),
        date(page.response().submittedAt(), chrome),
        sectionLinks(page),
        errors,
        saved,
        plural(chrome.lang(), total, page.sections().size(), total - page.response().answered()),
        other(page.descriptionLang(), chrome.lang()));
  }

  private static String consentError(List<ErrorView> errors) {
    return errors.stream()
        .filter(e -> "consent".equals(e.field()))
        .map(ErrorView::message)
        .findFirst()
        .orElse(null);
  }

  /**
   * "Check your answers": every statement of every section with the panelist's answer and comment,
   * numbered as on the section pages.
   */
  static ReviewPage review(Chrome chrome, RoundPage page, List<ErrorView> errors, boolean saved) {
    ScaleView scale = localised(page.scale(), chrome.lang());
    Map<Long, AnswerView> answers = new HashMap<>();
    page.response().ratings().forEach(a -> answers.put(a.itemId(), a));
    Map<Long, String> itemComments = new HashMap<>();
    Map<Long, String> sectionComments = new HashMap<>();
    for (CommentView c : page.response().comments()) {
      if (c.itemId() != null) {
        itemComments.put(c.itemId(), c.text());
      } else if (c.sectionId() != null) {
        sectionComments.put(c.sectionId(), c.text());
      }
    }
    List<ReviewSection> sections = new ArrayList<>();
    int number = 0;
    for (int i = 0; i < page.sections().size(); i++) {
      SectionView s = page.sections().get(i);
      List<ReviewAnswer> rows = new ArrayList<>();
      for (ItemView item : s.items()) {
        AnswerView answer = answers.get(item.itemId());
        boolean unable = answer != null && answer.unableToRate();
        int value = answer == null || answer.value() == null ? 0 : answer.value();
        rows.add(
            new ReviewAnswer(
                item.itemId(),
                ++number,
                item.text(),
                other(item.lang(), chrome.lang()),
                answer != null,
                unable,
                scale.unableToRateLabel(),
                value,
                answer == null || unable ? "" : label(scale, value),
                itemComments.get(item.itemId())));
      }
      sections.add(
          new ReviewSection(
              i + 1,
              s.title(),
              other(s.titleLang(), chrome.lang()),
              rows,
              sectionComments.get(s.id())));
    }
    int total = page.response().total();
    int missing = total - page.response().answered();
    return new ReviewPage(
        chrome,
        page.round(),
        page.response().answered(),
        total,
        missing,
        sections,
        page.consentRequired(),
        consentError(errors),
        date(page.response().submittedAt(), chrome),
        errors,
        saved,
        plural(chrome.lang(), total, page.sections().size(), missing));
  }

  static ThanksPage thanks(Chrome chrome, RoundPage page) {
    return new ThanksPage(chrome, page.round(), date(page.closesAt(), chrome));
  }

  static ClosedPage closed(Chrome chrome, RoundPage page) {
    return new ClosedPage(
        chrome,
        page.round(),
        date(page.closedAt(), chrome),
        page.response().submittedAt() != null,
        page.laterRound());
  }

  /** Statements that show the previous round's answer: more to read than a rating alone. */
  private static int withFeedback(RoundPage page) {
    return (int)
        page.sections().stream()
            .flatMap(s -> s.items().stream())
            .filter(i -> i.feedback() != null)
            .count();
  }

  /**
   * The section's form. {@code posted} (a refused post) takes the place of the stored answers, so
   * nothing the panelist typed is lost when the form comes back with a message; {@code fieldErrors}
   * are shown at their fields and in the summary above the form.
   */
  static SectionPage section(
      FeedbackFragments fragments,
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
    ScaleLayout layout = layout(scale);
    List<StatementForm> statements = new ArrayList<>();
    boolean reasonsBand = false;
    boolean reasonsFar = false;
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
      boolean band = BandRule.crossesBand(item.feedback(), chosen, scale);
      // A box there only for the distance from the median says so, neutrally, in its label.
      boolean far = !band && BandRule.farFromMedian(item.feedback(), chosen);
      reasonsBand |= band;
      reasonsFar |= far;
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
              layout,
              scale.unableToRateAllowed(),
              scale.unableToRateLabel(),
              SectionForm.UNABLE.equals(chosen),
              comment,
              reason != null && !reason.isBlank()
                  || posted != null && posted.containsKey("reason-" + item.itemId())
                  || band
                  || far,
              reason,
              fieldErrors.get("statement-" + item.itemId()),
              fragments.of(
                  FeedbackChart.of(item, offset + i + 1, scale, chrome.lang()),
                  item.itemId(),
                  chrome.lang()),
              far,
              fieldErrors.get("comment-" + item.itemId()),
              fieldErrors.get("reason-" + item.itemId()),
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
        reasonsBand,
        reasonsFar,
        plural(
            chrome.lang(),
            page.response().total(),
            page.sections().size(),
            page.response().total() - page.response().answered()),
        other(section.titleLang(), chrome.lang()),
        other(section.introductionLang(), chrome.lang()));
  }

  /** Longest label word the stylesheet knows a tile width for; longer words break. */
  private static final int LONGEST_WORD = 16;

  /**
   * The scale's number of points and the length of the longest word of its labels, for the
   * stylesheet to show the points in one row only where every label fits.
   */
  static ScaleLayout layout(ScaleView scale) {
    int longest = 0;
    for (int v = scale.min(); v <= scale.max(); v++) {
      for (String word : label(scale, v).split("\\s+")) {
        longest = Math.max(longest, word.codePointCount(0, word.length()));
      }
    }
    return new ScaleLayout(scale.max() - scale.min() + 1, Math.min(longest, LONGEST_WORD));
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
