package org.concord.common;

/**
 * The one rule against formula injection (OWASP "CSV Injection"): a text that a spreadsheet could
 * read as a formula gets a leading single quote, which Excel, LibreOffice and Google Sheets show as
 * text. It applies to text cells only; numbers are written as numbers, so -3 stays a number.
 */
public final class SpreadsheetText {

  private SpreadsheetText() {}

  public static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
