package org.concord.common;

/**
 * The plural category of a count in a language, by the Unicode CLDR plural rules, so that one
 * message can say "1 person" and "3 people" in English and "1 person", "2 berson", "3 pherson", "6
 * pherson" in Welsh. A message takes the category as a parameter and picks its wording with {@code
 * {#when plural}{#is 'one'}…{#else}…{/when}}.
 */
public final class Plurals {

  private Plurals() {}

  /** "zero", "one", "two", "few", "many" or "other" for a whole number {@code n} ≥ 0. */
  public static String category(String language, long n) {
    if ("cy".equals(language)) {
      return switch ((int) Math.min(n, 7)) {
        case 0 -> "zero";
        case 1 -> "one";
        case 2 -> "two";
        case 3 -> "few";
        case 6 -> "many";
        default -> "other";
      };
    }
    // English and the languages without a rule of their own here: one and other.
    return n == 1 ? "one" : "other";
  }
}
