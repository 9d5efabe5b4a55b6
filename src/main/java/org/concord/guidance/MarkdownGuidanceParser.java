package org.concord.guidance;

import java.util.ArrayList;
import java.util.List;
import org.concord.common.ImportErrors;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads guidance written in Markdown: a {@code ##} heading starts a section, paragraphs under it
 * are its introduction, and each list item is a statement. A {@code #} title line is allowed and
 * ignored. Read line by line so every error names its line.
 *
 * <p>Headings and list items are recognised with plain loops, not regular expressions: a pattern
 * like {@code \s+(.*?)\s*#*\s*$} backtracks on a long run of spaces, and an upload is hostile
 * input. Every step here is linear in the length of the line.
 */
final class MarkdownGuidanceParser {

  private MarkdownGuidanceParser() {}

  static ParsedGuidance parse(String text, ImportErrors errors) {
    List<ParsedSection> sections = new ArrayList<>();
    SectionBuilder current = null;
    StatementBuilder item = null;
    boolean blankSinceItem = false;
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) {
        blankSinceItem = item != null;
        if (current != null) {
          current.paragraphBreak();
        }
        continue;
      }
      Heading heading = heading(line);
      ListItem listItem = heading == null ? listItem(line) : null;
      if (heading != null) {
        item = finish(current, item);
        int level = heading.level();
        if (level == 1) {
          if (current != null) {
            errors.at(lineNo, 1, "A # title may only come before the first ## section heading.");
          }
          continue;
        }
        if (level > 2) {
          errors.at(
              lineNo, 1, "Only ## headings make sections; use ## here or remove the heading.");
          continue;
        }
        if (current != null) {
          sections.add(current.build());
        }
        current = new SectionBuilder(heading.title(), lineNo);
      } else if (listItem != null) {
        item = finish(current, item);
        if (current == null) {
          errors.at(
              lineNo,
              1,
              "This statement comes before the first section; add a ## heading above it.");
          continue;
        }
        item =
            new StatementBuilder(
                line.substring(listItem.start()).strip(), lineNo, listItem.start() + 1);
        blankSinceItem = false;
      } else if (item != null && !blankSinceItem && Character.isWhitespace(line.charAt(0))) {
        item.text.append(' ').append(line.strip());
      } else if (item != null || (current != null && !current.statements.isEmpty())) {
        item = finish(current, item);
        errors.at(
            lineNo,
            1,
            "Text after the statements of a section: put a section's introduction before its"
                + " list, or start the line with - to make it a statement.");
      } else if (current == null) {
        errors.at(lineNo, 1, "Text before the first section; start the file with a ## heading.");
      } else {
        current.introductionLine(line.strip());
      }
    }
    finish(current, item);
    if (current != null) {
      sections.add(current.build());
    }
    return new ParsedGuidance(sections);
  }

  /** Splits at \n, \r\n or \r, keeping a trailing empty line as the split did. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  record Heading(int level, String title) {}

  /**
   * One to six {@code #}, whitespace, the title; a closing run of {@code #} after whitespace is not
   * part of the title (as in CommonMark). Null when the line is not a heading.
   */
  static Heading heading(String line) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    if (level < 1 || level > 6 || level == line.length() || !isSpace(line.charAt(level))) {
      return null;
    }
    int start = level;
    while (start < line.length() && isSpace(line.charAt(start))) {
      start++;
    }
    int end = trimEnd(line, start, line.length());
    int hashes = end;
    while (hashes > start && line.charAt(hashes - 1) == '#') {
      hashes--;
    }
    if (hashes == start || isSpace(line.charAt(hashes - 1))) {
      end = trimEnd(line, start, hashes);
    }
    return new Heading(level, line.substring(start, end));
  }

  /** Where the text of a list item starts ({@code - text}, {@code 1. text}); null if none. */
  record ListItem(int start) {}

  static ListItem listItem(String line) {
    int at = 0;
    while (at < 3 && at < line.length() && isSpace(line.charAt(at))) {
      at++;
    }
    if (at == line.length()) {
      return null;
    }
    char marker = line.charAt(at);
    if (marker == '-' || marker == '*' || marker == '+') {
      at++;
    } else {
      int digits = 0;
      while (at < line.length()
          && digits < 10
          && line.charAt(at) >= '0'
          && line.charAt(at) <= '9') {
        at++;
        digits++;
      }
      if (digits < 1 || digits > 9 || at == line.length()) {
        return null;
      }
      char end = line.charAt(at);
      if (end != '.' && end != ')') {
        return null;
      }
      at++;
    }
    if (at == line.length() || !isSpace(line.charAt(at))) {
      return null;
    }
    while (at < line.length() && isSpace(line.charAt(at))) {
      at++;
    }
    return new ListItem(at);
  }

  private static int trimEnd(String line, int start, int end) {
    while (end > start && isSpace(line.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c);
  }

  private static StatementBuilder finish(SectionBuilder section, StatementBuilder item) {
    if (item != null && section != null) {
      section.statements.add(
          new ParsedStatement(item.text.toString(), null, item.line, item.column));
    }
    return null;
  }

  private static final class StatementBuilder {
    final StringBuilder text;
    final int line;
    final int column;

    StatementBuilder(String text, int line, int column) {
      this.text = new StringBuilder(text);
      this.line = line;
      this.column = column;
    }
  }

  private static final class SectionBuilder {
    final String title;
    final int line;
    final List<String> paragraphs = new ArrayList<>();
    final List<ParsedStatement> statements = new ArrayList<>();
    StringBuilder paragraph;

    SectionBuilder(String title, int line) {
      this.title = title;
      this.line = line;
    }

    void introductionLine(String text) {
      if (paragraph == null) {
        paragraph = new StringBuilder(text);
        paragraphs.add(null);
      } else {
        paragraph.append(' ').append(text);
      }
      paragraphs.set(paragraphs.size() - 1, paragraph.toString());
    }

    void paragraphBreak() {
      paragraph = null;
    }

    ParsedSection build() {
      String introduction = paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
      return new ParsedSection(title, introduction, line, List.copyOf(statements));
    }
  }
}
