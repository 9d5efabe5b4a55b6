package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.Problem.FieldError;
import org.concord.response.PanelistViews.CommentInput;
import org.concord.response.PanelistViews.RatingInput;
import org.concord.response.PanelistViews.SaveRequest;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.ResponseComment;
import org.concord.response.pages.PageViews.ErrorView;

/**
 * A posted section form read as the service's {@link SaveRequest}, and the service's field errors
 * read back onto the form: the pages and the JSON API go through the same validation.
 */
final class SectionForm {

  /** The value a rating field posts for "unable to rate". */
  static final String UNABLE = "unable";

  private SectionForm() {}

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
        commentFields.add("comment-" + itemId);
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
   * page's language: a rating's error to its statement, a reason's to its reason box, a comment's
   * to its comment box. An error on a statement that is not on the page goes to the summary only.
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
        String prefix = field.endsWith(".reasonForChange") ? "reason-" : "statement-";
        target = index < form.ratingItems().size() ? prefix + form.ratingItems().get(index) : "";
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

  /** A whole number as the form or a band writes it, or null. */
  static Integer integer(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
