package org.concord.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The languages Concord speaks: English (the messages written in the code) and every language with
 * a messages file {@code messages/msg_xx.properties} on the class path. Adding a language is adding
 * that one file; nothing else lists them.
 */
public final class Languages {

  /** The language of the messages in the code, and the last fallback. */
  public static final String DEFAULT = "en";

  private static final List<String> SUPPORTED = find();

  private Languages() {}

  private static List<String> find() {
    Set<String> found = new TreeSet<>();
    ClassLoader loader = Languages.class.getClassLoader();
    for (String tag : Locale.getISOLanguages()) {
      if (loader.getResource("messages/msg_" + tag + ".properties") != null) {
        found.add(tag);
      }
    }
    List<String> all = new ArrayList<>();
    all.add(DEFAULT);
    found.stream().filter(t -> !t.equals(DEFAULT)).forEach(all::add);
    return List.copyOf(all);
  }

  /** English first, then the others by tag. */
  public static List<String> supported() {
    return SUPPORTED;
  }

  public static boolean isSupported(String tag) {
    return tag != null && SUPPORTED.contains(tag);
  }

  /** A language's name for the study team (in English), with its own name: "Welsh (Cymraeg)". */
  public static String describe(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    String english = locale.getDisplayLanguage(Locale.ENGLISH);
    String own = locale.getDisplayLanguage(locale);
    if (!own.isEmpty()) {
      own = own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }
    return own.isEmpty() || own.equals(english) ? english : english + " (" + own + ")";
  }

  /** A tag as written in a file or form ("CY", " cy-GB ") as Concord stores it ("cy"), or null. */
  public static String normalise(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    return isSupported(language) ? language : null;
  }

  /**
   * {@link #normalise}, refusing a tag Concord does not speak with a 400 that names {@code field}
   * and the languages it does.
   */
  public static String require(String tag, String field) {
    String language = normalise(tag);
    if (language == null) {
      throw ConcordException.invalid(
          field,
          "\""
              + tag
              + "\" is not a language Concord speaks; use one of "
              + String.join(", ", supported())
              + ".");
    }
    return language;
  }

  /**
   * The language of a panelist's page. In order: a language named in the address ({@code ?lang=}),
   * which is the panelist's choice for this page; the language stored for the panelist (from the
   * panel file, the team, or their own choice on the language switch); the first language of the
   * browser's list (Accept-Language, the person's own setting) that Concord speaks; the language
   * the study is written in; English. The browser comes before the study because it is the person's
   * own signal, while the study's language only says what its texts were written in; a team that
   * wants everyone in one language sets it per panelist in the panel file.
   */
  public static String choose(
      String explicit, String stored, List<Locale> accepted, String studyLanguage) {
    if (isSupported(explicit)) {
      return explicit;
    }
    if (isSupported(stored)) {
      return stored;
    }
    String browser = browser(accepted);
    if (browser != null) {
      return browser;
    }
    if (isSupported(studyLanguage)) {
      return studyLanguage;
    }
    return DEFAULT;
  }

  /** The first language of Accept-Language (sorted by preference) that Concord speaks, or null. */
  public static String browser(List<Locale> accepted) {
    if (accepted != null) {
      for (Locale locale : accepted) {
        if (isSupported(locale.getLanguage())) {
          return locale.getLanguage();
        }
      }
    }
    return null;
  }
}
