package org.concord.guidance;

import java.time.Instant;
import java.util.List;

/** What the API shows of sections and statements. */
public final class GuidanceViews {

  private GuidanceViews() {}

  public record SectionView(
      Long id, int position, String title, String introduction, long statementCount) {
    static SectionView of(Section s, long statementCount) {
      return new SectionView(s.id, s.position, s.title, s.introduction, statementCount);
    }
  }

  public record StatementView(
      Long id,
      Long sectionId,
      int position,
      String externalId,
      StatementStatus status,
      int version,
      String text) {
    static StatementView of(Statement st, StatementVersion v) {
      return new StatementView(
          st.id, st.section.id, st.position, st.externalId, st.status, v.number, v.text);
    }
  }

  public record VersionView(
      Long id,
      int number,
      String text,
      VersionOrigin origin,
      String reason,
      List<Long> sourceVersionIds,
      Instant createdAt) {
    static VersionView of(StatementVersion v) {
      return new VersionView(
          v.id,
          v.number,
          v.text,
          v.origin,
          v.reason,
          v.sources.stream().map(s -> s.id).sorted().toList(),
          v.createdAt);
    }
  }

  public record StatementDetail(StatementView current, List<VersionView> versions) {}

  public record ImportSummary(int sectionsCreated, int sectionsExtended, int statementsCreated) {}

  /** What an import would store, before anything is: the file's sections as they would be. */
  public record ImportPreview(
      List<PreviewSection> sections,
      int sectionsCreated,
      int sectionsExtended,
      int statementCount) {}

  /**
   * One section of a preview; {@code existing} when the study has a section of this title, which
   * the statements are added to (its introduction is the stored one).
   */
  public record PreviewSection(
      String title, String introduction, boolean existing, List<PreviewStatement> statements) {}

  /** A statement of a preview with the line of the file it came from. */
  public record PreviewStatement(String text, String externalId, int line) {}
}
