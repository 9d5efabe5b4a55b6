package org.concord.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.common.ImportErrors;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads guidance written in Markdown: a {@code ##} heading starts a section, paragraphs under it
 * are its introduction, and each list item is a statement. A {@code #} title line is allowed and
 * ignored. Read line by line so every error names its line.
 */
final class MarkdownGuidanceParser {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^(\\s{0,3})([-*+]|\\d{1,9}[.)])\\s+(.*)$");

  private MarkdownGuidanceParser() {}

  static ParsedGuidance parse(String text, ImportErrors errors) {
    List<ParsedSection> sections = new ArrayList<>();
    SectionBuilder current = null;
    StatementBuilder item = null;
    boolean blankSinceItem = false;
    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        blankSinceItem = item != null;
        if (current != null) {
          current.paragraphBreak();
        }
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      Matcher listItem = LIST_ITEM.matcher(line);
      if (heading.matches()) {
        item = finish(current, item);
        int level = heading.group(1).length();
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
        current = new SectionBuilder(heading.group(2), lineNo);
      } else if (listItem.matches()) {
        item = finish(current, item);
        if (current == null) {
          errors.at(
              lineNo,
              1,
              "This statement comes before the first section; add a ## heading above it.");
          continue;
        }
        int column = line.length() - listItem.group(3).length() + 1;
        item = new StatementBuilder(listItem.group(3).strip(), lineNo, column);
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
