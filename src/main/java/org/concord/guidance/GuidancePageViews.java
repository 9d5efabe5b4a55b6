package org.concord.guidance;

import java.util.Arrays;
import java.util.List;

/**
 * What the console's guidance pages show, built by {@link GuidanceService} from a bounded number of
 * queries however long the guidance is.
 */
public final class GuidancePageViews {

  private GuidancePageViews() {}

  /** The whole guidance as a reader sees it, in order. */
  public record Outline(List<OutlineSection> sections, long statementCount, long removedCount) {
    public boolean isEmpty() {
      return sections.isEmpty();
    }
  }

  /**
   * A section with its active statements in order and, apart, the ones removed before round 1;
   * {@code first} and {@code last} say which moves it has.
   */
  public record OutlineSection(
      long id,
      int number,
      String title,
      String introduction,
      boolean first,
      boolean last,
      List<OutlineStatement> statements,
      List<OutlineStatement> removed) {

    /** The introduction's paragraphs (blank lines apart), as panelists read them. */
    public List<String> paragraphs() {
      return paragraphsOf(introduction);
    }
  }

  /** A statement in its current wording; {@code versions} counts its wordings so far. */
  public record OutlineStatement(
      long id,
      String externalId,
      String text,
      StatementStatus status,
      long versions,
      boolean first,
      boolean last) {

    public boolean removed() {
      return status == StatementStatus.REMOVED;
    }
  }

  /** Where a section or statement belongs: its study and section. */
  public record Place(long studyId, long sectionId, String sectionTitle) {}

  /** How much guidance a study has: its sections, and its statements not removed. */
  public record Size(long sections, long statements) {
    /** "9 sections, 58 statements." */
    public String words() {
      return count(sections, "section") + ", " + count(statements, "statement") + ".";
    }

    private static String count(long n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }

  static List<String> paragraphsOf(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R\\s*\\R"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}
