package org.concord.common;

/** Text that Concord derives itself (subjects, reasons, logs) must fit the column it goes to. */
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
}
