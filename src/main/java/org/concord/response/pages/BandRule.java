package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;

/**
 * When a panelist is invited to say why they rate a statement as they do: when the new answer lies
 * in another band of the panel's scale than their answer in the round before, and, where the
 * protocol asks it, when the new rating lies at least its distance from the panel's median of the
 * round before.
 */
final class BandRule {

  private BandRule() {}

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
            ? SectionForm.UNABLE
            : feedback.ownRating() == null ? null : band(feedback.ownRating(), scale);
    if (before == null) {
      return false;
    }
    Integer value = SectionForm.integer(chosen);
    String now =
        SectionForm.UNABLE.equals(chosen)
            ? SectionForm.UNABLE
            : value == null ? null : band(value, scale);
    return now != null && !now.equals(before);
  }

  /**
   * Whether a rating lies at least the protocol's distance from the panel's stored median of the
   * round before ({@code |rating − median| ≥ D}); never for "unable to rate" or in round 1.
   */
  static boolean farFromMedian(Feedback feedback, String chosen) {
    if (feedback == null || feedback.farFromMedian() == null || chosen == null) {
      return false;
    }
    Integer value = SectionForm.integer(chosen);
    return value != null
        && Math.abs(value - feedback.farFromMedian().median())
            >= feedback.farFromMedian().distance();
  }

  /** Whether the answer invites a reason, for either cause. */
  static boolean asksReason(Feedback feedback, String chosen, ScaleView scale) {
    return crossesBand(feedback, chosen, scale) || farFromMedian(feedback, chosen);
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
  static boolean inBand(int value, String band) {
    String[] ends = band.split("–");
    Integer low = SectionForm.integer(ends[0]);
    Integer high = SectionForm.integer(ends[ends.length - 1]);
    return low != null && high != null && value >= low && value <= high;
  }

  /**
   * Items of the section whose new rating invites a reason while the form showed no reason box for
   * them: the page comes back once so the panelist can say why, if they wish.
   */
  static boolean asksForReasons(
      MultivaluedMap<String, String> form, SectionView section, ScaleView scale) {
    return firstAsked(form, section, scale).isPresent();
  }

  /** The first of those items, in the section's order: the page comes back at its reason box. */
  static Optional<Long> firstAsked(
      MultivaluedMap<String, String> form, SectionView section, ScaleView scale) {
    return section.items().stream()
        .filter(
            item ->
                !form.containsKey("reason-" + item.itemId())
                    && asksReason(item.feedback(), form.getFirst("rating-" + item.itemId()), scale))
        .map(ItemView::itemId)
        .findFirst();
  }
}
