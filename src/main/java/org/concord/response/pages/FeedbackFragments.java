package org.concord.response.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.concord.response.pages.PageViews.FeedbackView;

/**
 * The previous round's feedback of a statement as HTML, rendered once for each distinct feedback
 * and language. Rendering it was most of a section page's cost: all of a round's panelists see the
 * same feedback, told apart only by their own earlier rating.
 *
 * <p>The feedback's whole value is the key (the records compare by value), so a fragment is never
 * stale: when anything shown changes (a released comment, a translation, a group's name) the
 * feedback differs and is rendered afresh. Old fragments go when the cache is full.
 */
@ApplicationScoped
public class FeedbackFragments {

  /**
   * About 4 KB each: 100 statements × 11 earlier ratings (each point, none, unable) × 2 languages
   * fit twice over in about 20 MB.
   */
  static final int CAPACITY = 4_096;

  private record Key(FeedbackView feedback, long itemId, String lang) {}

  private final Map<Key, RawString> fragments = new ConcurrentHashMap<>();

  @Inject
  @Location("tags/feedback.html")
  Template feedback;

  /** The feedback of statement {@code itemId} in language {@code lang}, or null for none. */
  RawString of(FeedbackView view, long itemId, String lang) {
    if (view == null) {
      return null;
    }
    Key key = new Key(view, itemId, lang);
    RawString fragment = fragments.get(key);
    if (fragment == null) {
      fragment =
          new RawString(
              feedback
                  .data("f", view)
                  .data("id", itemId)
                  .setLocale(Locale.forLanguageTag(lang))
                  .render());
      if (fragments.size() >= CAPACITY) {
        // a whole new set of rounds or languages: start again rather than track what is oldest
        fragments.clear();
      }
      fragments.put(key, fragment);
    }
    return fragment;
  }
}
