package org.concord.common;

/**
 * Text rules shared by every feature: what Concord derives itself (subjects, reasons, logs) must
 * fit the column it goes to, and no text keeps a NUL character.
 */
public final class Texts {

  private Texts() {}

  /**
   * The text cut to at most {@code max} characters, ending with an ellipsis when cut, and never in
   * the middle of a surrogate pair.
   */
  public static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(text.charAt(end))
        && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * The text without its NUL characters (U+0000). NUL means nothing in human text, nobody sees one
   * they pasted, and PostgreSQL cannot store it; so a comment with a stray NUL is kept without it
   * rather than refused or lost. Every way text comes in removes them (JSON, forms, uploads,
   * parameters), and {@link NulFreeText} removes any left when a text is written to the database.
   */
  public static String withoutNul(String text) {
    if (text == null || text.indexOf('\u0000') < 0) {
      return text;
    }
    return text.replace("\u0000", "");
  }
}
