package org.concord.guidance;

import java.util.List;

/** Guidance read from a file, before it is checked and stored; lines point back into the file. */
public record ParsedGuidance(List<ParsedSection> sections) {

  public record ParsedSection(
      String title, String introduction, int line, List<ParsedStatement> statements) {}

  public record ParsedStatement(String text, String externalId, int line, Integer column) {}

  public int statementCount() {
    return sections.stream().mapToInt(s -> s.statements().size()).sum();
  }
}
