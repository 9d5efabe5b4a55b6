package org.concord.guidance;

import java.util.List;
import java.util.Map;

/** Guidance read from a file, before it is checked and stored; lines point back into the file. */
public record ParsedGuidance(List<ParsedSection> sections) {

  /**
   * A section; {@code titles} and {@code introductions} are its translations by language tag (e.g.
   * a CSV column {@code section_cy}, or JSON {@code "translations": {"cy": {"title": …}}}).
   */
  public record ParsedSection(
      String title,
      String introduction,
      int line,
      List<ParsedStatement> statements,
      Map<String, String> titles,
      Map<String, String> introductions) {

    public ParsedSection(
        String title, String introduction, int line, List<ParsedStatement> statements) {
      this(title, introduction, line, statements, Map.of(), Map.of());
    }
  }

  /** A statement; {@code translations} its wording in other languages, by language tag. */
  public record ParsedStatement(
      String text, String externalId, int line, Integer column, Map<String, String> translations) {

    public ParsedStatement(String text, String externalId, int line, Integer column) {
      this(text, externalId, line, column, Map.of());
    }
  }

  public int statementCount() {
    return sections.stream().mapToInt(s -> s.statements().size()).sum();
  }
}
