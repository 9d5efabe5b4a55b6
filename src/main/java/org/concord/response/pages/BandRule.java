package org.concord.response.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;

/**
 * When a panelist is asked why they changed their answer: only when the new answer lies in another
 * band of the panel's scale than their answer in the round before.
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
    Integer low = SectionForm.integer(ends[0]);
    Integer high = SectionForm.integer(ends[ends.length - 1]);
    return low != null && high != null && value >= low && value <= high;
  }

  /**
   * Items of the section whose new rating crosses a band while the form showed no reason box for
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
                    && crossesBand(
                        item.feedback(), form.getFirst("rating-" + item.itemId()), scale))
        .map(ItemView::itemId)
        .findFirst();
  }
}
