package org.concord.guidance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.GuidanceRepository.CurrentStatement;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.guidance.GuidanceViews.SectionView;
import org.concord.guidance.GuidanceViews.StatementDetail;
import org.concord.guidance.GuidanceViews.StatementView;
import org.concord.guidance.GuidanceViews.VersionView;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.concord.study.StudyState;

@ApplicationScoped
public class GuidanceService {

  @Inject GuidanceRepository guidance;
  @Inject StudyRepository studies;

  public Page<SectionView> sections(long studyId, PageRequest page) {
    studies.require(studyId);
    Map<Long, Long> counts = guidance.statementCounts(studyId);
    List<SectionView> items =
        guidance.sections(studyId, page.page, page.size).stream()
            .map(s -> SectionView.of(s, counts.getOrDefault(s.id, 0L)))
            .toList();
    return new Page<>(items, page.page, page.size, guidance.countSections(studyId));
  }

  public SectionView section(long sectionId) {
    Section section = guidance.requireSection(sectionId);
    return SectionView.of(
        section, guidance.statementCounts(section.study.id).getOrDefault(section.id, 0L));
  }

  public Page<StatementView> statements(long studyId, Long sectionId, PageRequest page) {
    studies.require(studyId);
    List<StatementView> items =
        guidance.currentStatements(studyId, sectionId, page.page, page.size).stream()
            .map(c -> StatementView.of(c.statement(), c.version()))
            .toList();
    return new Page<>(
        items, page.page, page.size, guidance.countCurrentStatements(studyId, sectionId));
  }

  public StatementDetail statement(long statementId) {
    Statement statement = guidance.requireStatement(statementId);
    List<VersionView> versions =
        guidance.versions(statementId).stream().map(VersionView::of).toList();
    VersionView current = versions.get(versions.size() - 1);
    return new StatementDetail(
        new StatementView(
            statement.id,
            statement.section.id,
            statement.position,
            statement.externalId,
            statement.status,
            current.number(),
            current.text()),
        versions);
  }

  @Transactional
  public SectionView createSection(long studyId, String title, String introduction) {
    Study study = draft(studyId);
    Section section = new Section();
    section.study = study;
    section.title = title.strip();
    section.introduction = introduction;
    section.position = guidance.nextSectionPosition(studyId);
    guidance.persist(section);
    return SectionView.of(section, 0);
  }

  @Transactional
  public SectionView updateSection(long sectionId, String title, String introduction) {
    Section section = guidance.requireSection(sectionId);
    draft(section.study.id);
    if (title != null) {
      section.title = title.strip();
    }
    if (introduction != null) {
      section.introduction = introduction;
    }
    return section(sectionId);
  }

  @Transactional
  public StatementView addStatement(long sectionId, String text, String externalId) {
    Section section = guidance.requireSection(sectionId);
    draft(section.study.id);
    String key = GuidanceImporter.key(text);
    for (Object[] row : guidance.currentTextsWithSectionTitles(section.study.id)) {
      if (section.title.equalsIgnoreCase((String) row[0])
          && GuidanceImporter.key((String) row[1]).equals(key)) {
        throw ConcordException.invalid("text", "This section has this statement already.");
      }
      if (externalId != null && externalId.equals(row[2])) {
        throw ConcordException.invalid(
            "externalId", "The id \"" + externalId + "\" is used by another statement.");
      }
    }
    CurrentStatement created =
        newStatement(section, guidance.nextStatementPosition(sectionId), text, externalId);
    return StatementView.of(created.statement(), created.version());
  }

  /** A new wording of the same statement; the old one stays in its history. */
  @Transactional
  public StatementView reword(long statementId, String text, String reason) {
    Statement statement = guidance.requireStatement(statementId);
    draft(statement.study.id);
    return StatementView.of(statement, newWording(statement, text, reason));
  }

  /** Adds a version to a statement, whatever the study's state: rounds call this between rounds. */
  @Transactional
  public StatementVersion newWording(Statement statement, String text, String reason) {
    List<StatementVersion> versions = guidance.versions(statement.id);
    StatementVersion current = versions.get(versions.size() - 1);
    if (current.text.equals(text.strip())) {
      throw ConcordException.invalid("text", "The new wording is the same as the current one.");
    }
    StatementVersion version = new StatementVersion();
    version.statement = statement;
    version.number = current.number + 1;
    version.text = text.strip();
    version.origin = VersionOrigin.REWORDED;
    version.reason = reason;
    guidance.persist(version);
    return version;
  }

  /**
   * A statement added between rounds, at the end of its section; when written from panelists'
   * comments, its lineage names the versions they commented on.
   */
  @Transactional
  public CurrentStatement addBetweenRounds(
      Section section, String text, String reason, List<StatementVersion> commentedOn) {
    CurrentStatement created =
        newStatement(section, guidance.nextStatementPosition(section.id), text, null);
    if (!commentedOn.isEmpty()) {
      created.version().origin = VersionOrigin.ADDED_FROM_COMMENT;
      created.version().sources.addAll(commentedOn);
    }
    created.version().reason = reason;
    return created;
  }

  @Transactional
  public void remove(long statementId) {
    Statement statement = guidance.requireStatement(statementId);
    draft(statement.study.id);
    statement.status = StatementStatus.REMOVED;
  }

  /**
   * Stores a whole guidance file or nothing. Sections whose title the study has already are
   * extended; the others are appended in file order.
   */
  @Transactional
  public ImportSummary importGuidance(long studyId, GuidanceFormat format, byte[] body) {
    Study study = draft(studyId);
    Map<String, Section> byTitle = new HashMap<>();
    for (Section section : guidance.allSections(studyId)) {
      byTitle.put(section.title.toLowerCase(Locale.ROOT), section);
    }
    Map<String, Set<String>> texts = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (Object[] row : guidance.currentTextsWithSectionTitles(studyId)) {
      texts
          .computeIfAbsent(GuidanceImporter.key((String) row[0]), k -> new HashSet<>())
          .add(GuidanceImporter.key((String) row[1]));
      if (row[2] != null) {
        ids.add((String) row[2]);
      }
    }
    ParsedGuidance parsed =
        GuidanceImporter.read(format, body, new GuidanceImporter.Existing(texts, ids));

    int created = 0;
    int extended = 0;
    int nextSection = guidance.nextSectionPosition(studyId);
    for (ParsedSection parsedSection : parsed.sections()) {
      Section section = byTitle.get(parsedSection.title().toLowerCase(Locale.ROOT));
      int position;
      if (section == null) {
        section = new Section();
        section.study = study;
        section.title = parsedSection.title();
        section.introduction = parsedSection.introduction();
        section.position = nextSection++;
        guidance.persist(section);
        byTitle.put(section.title.toLowerCase(Locale.ROOT), section);
        created++;
        position = 1;
      } else {
        extended++;
        position = guidance.nextStatementPosition(section.id);
      }
      for (ParsedStatement statement : parsedSection.statements()) {
        newStatement(section, position++, statement.text(), statement.externalId());
      }
    }
    return new ImportSummary(created, extended, parsed.statementCount());
  }

  private CurrentStatement newStatement(
      Section section, int position, String text, String externalId) {
    Statement statement = new Statement();
    statement.study = section.study;
    statement.section = section;
    statement.position = position;
    statement.externalId = externalId;
    guidance.persist(statement);
    StatementVersion version = new StatementVersion();
    version.statement = statement;
    version.number = 1;
    version.text = text.strip();
    version.origin = VersionOrigin.ADDED_BY_TEAM;
    guidance.persist(version);
    return new CurrentStatement(statement, version);
  }

  /** Guidance changes freely only before round 1; later, rounds carry the changes. */
  private Study draft(long studyId) {
    Study study = studies.require(studyId);
    if (study.state != StudyState.DRAFT) {
      throw ConcordException.conflict(
          "Round 1 has opened, so the guidance can no longer change here; reword statements in"
              + " the next round's draft.");
    }
    return study;
  }
}
