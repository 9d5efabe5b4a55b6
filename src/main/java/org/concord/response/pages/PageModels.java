package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.common.Problem.FieldError;
import org.concord.response.PanelistViews.AnswerView;
import org.concord.response.PanelistViews.CommentInput;
import org.concord.response.PanelistViews.CommentView;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.RatingInput;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.SaveRequest;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.ResponseComment;
import org.concord.response.pages.PageViews.Bar;
import org.concord.response.pages.PageViews.Chrome;
import org.concord.response.pages.PageViews.ErrorView;
import org.concord.response.pages.PageViews.FeedbackView;
import org.concord.response.pages.PageViews.GroupRow;
import org.concord.response.pages.PageViews.Point;
import org.concord.response.pages.PageViews.ReviewPage;
import org.concord.response.pages.PageViews.SectionLink;
import org.concord.response.pages.PageViews.SectionPage;
import org.concord.response.pages.PageViews.StatementForm;
import org.concord.response.pages.PageViews.Unanswered;
import org.concord.response.pages.PageViews.WelcomePage;

/**
 * Turns the service's {@link RoundPage} into page views, and a posted form into the service's
 * {@link SaveRequest}: the pages and the JSON API go through the same validation.
 */
final class PageModels {

  /** Reading time per statement for the welcome page's estimate. */
  static final int SECONDS_PER_STATEMENT = 20;

  static final String UNABLE = "unable";

  private static final int BAR_WIDTH = 36;
  private static final int BAR_GAP = 8;
  private static final int BAR_TOP = 20;
  private static final int BAR_MAX_HEIGHT = 100;

  private PageModels() {}

  static String date(Instant instant, String lang) {
    if (instant == null) {
      return null;
    }
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.forLanguageTag(lang))
        .withZone(ZoneId.of("UTC"))
        .format(instant);
  }

  static int answeredIn(SectionView section, RoundPage page) {
    Set<Long> answered = answeredIds(page);
    return (int) section.items().stream().filter(i -> answered.contains(i.itemId())).count();
  }

  private static Set<Long> answeredIds(RoundPage page) {
    return page.response().ratings().stream().map(AnswerView::itemId).collect(Collectors.toSet());
  }

  static List<SectionLink> sectionLinks(RoundPage page) {
    List<SectionLink> links = new ArrayList<>();
    for (int i = 0; i < page.sections().size(); i++) {
      SectionView s = page.sections().get(i);
      links.add(new SectionLink(i + 1, s.title(), answeredIn(s, page), s.items().size()));
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
        saved);
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
          missing.add(new Unanswered(i + 1, s.title(), item.text()));
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

  /**
   * The section's form. {@code posted} (a refused post) takes the place of the stored answers, so
   * nothing the panelist typed is lost when the form comes back with a message.
   */
  static SectionPage section(
      Chrome chrome,
      RoundPage page,
      int number,
      MultivaluedMap<String, String> posted,
      Map<String, String> fieldErrors,
      List<ErrorView> errors,
      boolean saved,
      boolean askReasons) {
    SectionView section = page.sections().get(number - 1);
    ScaleView scale = page.scale();
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
            answer == null ? null : answer.unableToRate() ? UNABLE : String.valueOf(answer.value());
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
              UNABLE.equals(chosen),
              comment,
              reason != null && !reason.isBlank()
                  || posted != null && posted.containsKey("reason-" + item.itemId())
                  || crossesBand(item.feedback(), chosen, scale),
              reason,
              fieldErrors.get("statement-" + item.itemId()),
              feedback(item, scale)));
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
        errors,
        saved,
        askReasons);
  }

  /**
   * Whether an answer lies in another band (agree, disagree, in between, unable to rate) than the
   * panelist's own answer in the round before: then they may say why they changed it.
   */
  static boolean crossesBand(Feedback feedback, String chosen, ScaleView scale) {
    if (feedback == null || chosen == null) {
      return false;
    }
    String before =
        Boolean.TRUE.equals(feedback.ownUnableToRate())
            ? UNABLE
            : feedback.ownRating() == null ? null : band(feedback.ownRating(), scale);
    if (before == null) {
      return false;
    }
    Integer value = integer(chosen);
    String now = UNABLE.equals(chosen) ? UNABLE : value == null ? null : band(value, scale);
    return now != null && !now.equals(before);
  }

  private static String band(int value, ScaleView scale) {
    if (inBand(value, scale.agreeBand())) {
      return "agree";
    }
    if (inBand(value, scale.disagreeBand())) {
      return "disagree";
    }
    return "between";
  }

  /** A band as the view writes it: "7–9", or "5" for a band of one point. */
  private static boolean inBand(int value, String band) {
    String[] ends = band.split("–");
    Integer low = integer(ends[0]);
    Integer high = integer(ends[ends.length - 1]);
    return low != null && high != null && value >= low && value <= high;
  }

  /**
   * Items of the section whose new rating crosses a band while the form showed no reason box for
   * them: the page comes back once so the panelist can say why, if they wish.
   */
  static boolean asksForReasons(
      MultivaluedMap<String, String> form, SectionView section, ScaleView scale) {
    return section.items().stream()
        .anyMatch(
            item ->
                !form.containsKey("reason-" + item.itemId())
                    && crossesBand(
                        item.feedback(), form.getFirst("rating-" + item.itemId()), scale));
  }

  private static String label(ScaleView scale, int value) {
    int index = value - scale.min();
    return index < scale.labels().size() ? scale.labels().get(index) : "";
  }

  private static FeedbackView feedback(ItemView item, ScaleView scale) {
    Feedback f = item.feedback();
    if (f == null) {
      return null;
    }
    List<Bar> bars = new ArrayList<>();
    if (f.counts() != null) {
      long most = f.counts().stream().mapToLong(Long::longValue).max().orElse(0);
      for (int i = 0; i < f.counts().size(); i++) {
        int value = scale.min() + i;
        long count = f.counts().get(i);
        int height = most == 0 ? 0 : (int) Math.round((double) BAR_MAX_HEIGHT * count / most);
        bars.add(
            new Bar(
                value,
                label(scale, value),
                count,
                f.percents() == null ? "" : number(f.percents().get(i)),
                BAR_GAP + i * (BAR_WIDTH + BAR_GAP),
                BAR_TOP + BAR_MAX_HEIGHT - height,
                BAR_WIDTH,
                height,
                BAR_GAP + i * (BAR_WIDTH + BAR_GAP) + BAR_WIDTH / 2,
                BAR_TOP + BAR_MAX_HEIGHT - height - 4,
                f.ownRating() != null && f.ownRating() == value));
      }
    }
    boolean ownUnable = Boolean.TRUE.equals(f.ownUnableToRate());
    return new FeedbackView(
        f.round(),
        f.n() == null ? 0 : f.n(),
        scale.min(),
        scale.max(),
        chartWidth(scale.max() - scale.min() + 1),
        bars,
        f.median() == null ? null : number(f.median()),
        f.q1() == null ? null : number(f.q1()),
        f.q3() == null ? null : number(f.q3()),
        f.ownRating() != null || f.ownUnableToRate() != null,
        f.ownRating(),
        f.ownRating() == null ? null : label(scale, f.ownRating()),
        ownUnable,
        scale.unableToRateLabel(),
        f.groups() == null
            ? List.of()
            : f.groups().stream()
                .map(
                    g ->
                        new GroupRow(
                            g.group(),
                            g.n(),
                            g.median() == null ? "–" : number(g.median()),
                            g.q1() == null ? "–" : number(g.q1()),
                            g.q3() == null ? "–" : number(g.q3())))
                .toList(),
        f.comments() == null ? List.of() : f.comments());
  }

  /** 6.0 as "6", 6.5 as "6.5": how people write ratings. */
  static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.valueOf(Math.round(value * 10) / 10.0);
  }

  static int chartWidth(int points) {
    return BAR_GAP + points * (BAR_WIDTH + BAR_GAP);
  }

  /** A posted section form, as the service's save request plus what each index points to. */
  record ParsedForm(
      SaveRequest request,
      List<Long> ratingItems,
      List<String> commentFields,
      Map<String, String> fieldErrors) {}

  /**
   * Reads rating-{id}, reason-{id}, comment-{id} and section-comment. Only a value that is not a
   * whole number (nor "unable") is refused here; the service decides everything else.
   */
  static ParsedForm parse(
      MultivaluedMap<String, String> form, SectionView section, PanelistMessages msg) {
    List<RatingInput> ratings = new ArrayList<>();
    List<Long> ratingItems = new ArrayList<>();
    List<CommentInput> comments = new ArrayList<>();
    List<String> commentFields = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      String name = field.getKey();
      String value = field.getValue().isEmpty() ? "" : field.getValue().get(0);
      if (name.startsWith("rating-")) {
        Long itemId = id(name.substring("rating-".length()));
        if (itemId == null) {
          errors.put("", msg.errorUnknownStatement());
          continue;
        }
        String reason = form.getFirst("reason-" + itemId);
        if (UNABLE.equals(value)) {
          ratings.add(new RatingInput(itemId, null, true, reason));
        } else {
          Integer rating = integer(value);
          if (rating == null) {
            errors.put("statement-" + itemId, msg.errorNotAPoint());
            continue;
          }
          ratings.add(new RatingInput(itemId, rating, null, reason));
        }
        ratingItems.add(itemId);
      } else if (name.startsWith("comment-")) {
        Long itemId = id(name.substring("comment-".length()));
        if (itemId == null) {
          errors.put("", msg.errorUnknownStatement());
          continue;
        }
        comments.add(new CommentInput(itemId, null, value));
        commentFields.add("statement-" + itemId);
      } else if (name.equals("section-comment")) {
        comments.add(new CommentInput(null, section.id(), value));
        commentFields.add("section-comment");
      }
    }
    return new ParsedForm(
        new SaveRequest(null, ratings, comments), ratingItems, commentFields, errors);
  }

  /**
   * The service's field errors (ratings[2].value …) tied back to the fields of the page, in the
   * page's language. An error on a statement that is not on the page goes to the summary only.
   */
  static Map<String, String> fieldErrors(
      List<FieldError> errors, ParsedForm form, ScaleView scale, PanelistMessages msg) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldError error : errors) {
      String field = error.field() == null ? "" : error.field();
      String message = localized(field, scale, msg, error.message());
      String target = "";
      if (field.startsWith("ratings[")) {
        int index = index(field);
        target =
            index < form.ratingItems().size() ? "statement-" + form.ratingItems().get(index) : "";
      } else if (field.startsWith("comments[")) {
        int index = index(field);
        target = index < form.commentFields().size() ? form.commentFields().get(index) : "";
      }
      if (field.endsWith(".itemId") || field.endsWith(".sectionId")) {
        target = "";
      }
      out.putIfAbsent(target, message);
    }
    return out;
  }

  private static String localized(
      String field, ScaleView scale, PanelistMessages msg, String fallback) {
    if (field.endsWith(".itemId") || field.endsWith(".sectionId")) {
      return msg.errorUnknownStatement();
    }
    if (field.endsWith(".value")) {
      return msg.errorRange(scale.min(), scale.max());
    }
    if (field.endsWith(".unableToRate")) {
      return msg.errorUnableNotAllowed();
    }
    if (field.endsWith(".text") || field.endsWith(".reasonForChange")) {
      return msg.errorTooLong(ResponseComment.MAX_LENGTH);
    }
    return fallback;
  }

  /** Errors for the summary at the top of the form: each links to its field when it has one. */
  static List<ErrorView> summary(Map<String, String> fieldErrors) {
    return fieldErrors.entrySet().stream()
        .map(e -> new ErrorView(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
        .toList();
  }

  private static int index(String field) {
    int open = field.indexOf('[');
    int close = field.indexOf(']');
    try {
      return Integer.parseInt(field.substring(open + 1, close));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static Long id(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer integer(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
