package org.concord.guidance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.common.ImportErrors;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.GuidancePageViews.Outline;
import org.concord.guidance.GuidancePageViews.OutlineSection;
import org.concord.guidance.GuidancePageViews.OutlineStatement;
import org.concord.guidance.GuidancePageViews.Place;
import org.concord.guidance.GuidancePageViews.Size;
import org.concord.guidance.GuidanceRepository.CurrentStatement;
import org.concord.guidance.GuidanceViews.ImportPreview;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.guidance.GuidanceViews.PreviewSection;
import org.concord.guidance.GuidanceViews.PreviewStatement;
import org.concord.guidance.GuidanceViews.SectionView;
import org.concord.guidance.GuidanceViews.StatementDetail;
import org.concord.guidance.GuidanceViews.StatementView;
import org.concord.guidance.GuidanceViews.VersionView;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.concord.study.StudyState;
import org.concord.study.translation.TextKind;
import org.concord.study.translation.Translations;
import org.concord.study.translation.Translations.NewTranslation;

@ApplicationScoped
public class GuidanceService {

  @Inject GuidanceRepository guidance;
  @Inject StudyRepository studies;
  @Inject Translations translations;

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

  /**
   * The whole guidance for the console: sections, statements with their current wording and their
   * number of versions, in four queries however many statements there are.
   */
  public Outline outline(long studyId) {
    studies.require(studyId);
    List<Section> sections = guidance.allSections(studyId);
    Map<Long, Long> versions = guidance.versionCounts(studyId);
    Map<Long, List<CurrentStatement>> bySection = new HashMap<>();
    for (CurrentStatement c : guidance.allStatements(studyId)) {
      bySection.computeIfAbsent(c.statement().section.id, k -> new ArrayList<>()).add(c);
    }
    List<OutlineSection> result = new ArrayList<>();
    long active = 0;
    long removed = 0;
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      List<CurrentStatement> all = bySection.getOrDefault(section.id, List.of());
      List<CurrentStatement> shown =
          all.stream().filter(c -> c.statement().status == StatementStatus.ACTIVE).toList();
      List<OutlineStatement> statements = new ArrayList<>();
      for (int j = 0; j < shown.size(); j++) {
        statements.add(outlined(shown.get(j), versions, j == 0, j == shown.size() - 1));
      }
      List<OutlineStatement> gone =
          all.stream()
              .filter(c -> c.statement().status != StatementStatus.ACTIVE)
              .map(c -> outlined(c, versions, false, false))
              .toList();
      active += statements.size();
      removed += gone.size();
      result.add(
          new OutlineSection(
              section.id,
              i + 1,
              section.title,
              section.introduction,
              i == 0,
              i == sections.size() - 1,
              statements,
              gone));
    }
    return new Outline(result, active, removed);
  }

  private static OutlineStatement outlined(
      CurrentStatement c, Map<Long, Long> versions, boolean first, boolean last) {
    Statement st = c.statement();
    return new OutlineStatement(
        st.id,
        st.externalId,
        c.version().text,
        st.status,
        versions.getOrDefault(st.id, 1L),
        first,
        last);
  }

  /** The study and section a section belongs to. */
  public Place placeOfSection(long sectionId) {
    Section section = guidance.requireSection(sectionId);
    return new Place(section.study.id, section.id, section.title);
  }

  /** The study and section a statement belongs to. */
  public Place placeOfStatement(long statementId) {
    Statement statement = guidance.requireStatement(statementId);
    return new Place(statement.study.id, statement.section.id, statement.section.title);
  }

  /** How much guidance a study has: sections, and statements that are not removed. */
  public Size size(long studyId) {
    return new Size(
        guidance.countSections(studyId), guidance.countCurrentStatements(studyId, null));
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
   * What {@link #importGuidance} would store from this file, checked exactly as the import checks
   * it (a refusal lists every error by line); nothing is stored.
   */
  public ImportPreview preview(long studyId, GuidanceFormat format, byte[] body) {
    draft(studyId);
    List<PlannedSection> plan = plan(studyId, format, body);
    List<PreviewSection> sections =
        plan.stream()
            .map(
                p ->
                    new PreviewSection(
                        p.title,
                        p.existing == null ? p.introduction : p.existing.introduction,
                        p.existing != null,
                        p.statements.stream()
                            .map(
                                s ->
                                    new PreviewStatement(
                                        s.text().strip(), s.externalId(), s.line()))
                            .toList()))
            .toList();
    int extended = (int) plan.stream().filter(p -> p.existing != null).count();
    return new ImportPreview(
        sections,
        plan.size() - extended,
        extended,
        plan.stream().mapToInt(p -> p.statements.size()).sum());
  }

  /**
   * Stores a whole guidance file or nothing. Sections whose title the study has already are
   * extended (their title and introduction stay as they are); the others are appended in file
   * order.
   */
  @Transactional
  public ImportSummary importGuidance(long studyId, GuidanceFormat format, byte[] body) {
    Study study = draft(studyId);
    List<PlannedSection> plan = plan(studyId, format, body);
    int created = 0;
    int extended = 0;
    int statements = 0;
    int nextSection = guidance.nextSectionPosition(studyId);
    List<NewTranslation> translated = new ArrayList<>();
    for (PlannedSection planned : plan) {
      Section section = planned.existing;
      int position;
      if (section == null) {
        section = new Section();
        section.study = study;
        section.title = planned.title;
        section.introduction = planned.introduction;
        section.position = nextSection++;
        guidance.persist(section);
        created++;
        position = 1;
        long id = section.id;
        planned.titles.forEach(
            (lang, text) ->
                translated.add(new NewTranslation(TextKind.SECTION_TITLE, id, lang, text, null)));
        planned.introductions.forEach(
            (lang, text) ->
                translated.add(
                    new NewTranslation(TextKind.SECTION_INTRODUCTION, id, lang, text, null)));
      } else {
        extended++;
        position = guidance.nextStatementPosition(section.id);
      }
      for (ParsedStatement statement : planned.statements) {
        CurrentStatement stored =
            newStatement(section, position++, statement.text(), statement.externalId());
        statement
            .translations()
            .forEach(
                (lang, text) ->
                    translated.add(
                        new NewTranslation(
                            TextKind.STATEMENT,
                            stored.statement().id,
                            lang,
                            text,
                            stored.version().number)));
        statements++;
      }
    }
    translations.putAll(study, translated);
    return new ImportSummary(created, extended, statements);
  }

  /**
   * A section of an import: new, or one the study has (same title, any case). The translations of
   * its title and introduction are stored only for a new section, as its title and introduction
   * are.
   */
  private static final class PlannedSection {
    final String title;
    final String introduction;
    final Section existing;
    final Map<String, String> titles;
    final Map<String, String> introductions;
    final List<ParsedStatement> statements = new ArrayList<>();

    PlannedSection(ParsedSection parsed, Section existing) {
      this.title = parsed.title();
      this.introduction = parsed.introduction();
      this.titles = parsed.titles();
      this.introductions = parsed.introductions();
      this.existing = existing;
    }
  }

  /**
   * A translation of the study's guidance in one file (one language): the file's sections match the
   * study's in order, and its statements match by id where the file gives one, else by order within
   * their section (removed statements are not counted). Stored whole or not at all, at any time,
   * also after round 1 opened; a statement's translation is of its current wording.
   */
  @Transactional
  public ImportSummary importTranslation(
      long studyId, GuidanceFormat format, String language, byte[] body) {
    Study study = studies.require(studyId);
    String lang = Translations.checkLanguage(study, language, "language");
    ParsedGuidance parsed =
        GuidanceImporter.read(
            format, body, new GuidanceImporter.Existing(Map.of(), Set.of(), study.language));
    List<Section> sections = guidance.allSections(studyId);
    Map<Long, List<CurrentStatement>> bySection = new HashMap<>();
    Map<String, CurrentStatement> byExternalId = new HashMap<>();
    for (CurrentStatement c : guidance.allStatements(studyId)) {
      if (c.statement().status != StatementStatus.ACTIVE) {
        continue;
      }
      bySection.computeIfAbsent(c.statement().section.id, k -> new ArrayList<>()).add(c);
      if (c.statement().externalId != null) {
        byExternalId.put(c.statement().externalId, c);
      }
    }
    ImportErrors errors = new ImportErrors();
    if (parsed.sections().size() != sections.size()) {
      errors.at(
          1,
          null,
          "The file has "
              + parsed.sections().size()
              + " sections; the study has "
              + sections.size()
              + ". A translation has the study's sections in the study's order.");
    }
    List<NewTranslation> translated = new ArrayList<>();
    int statements = 0;
    for (int i = 0; i < Math.min(parsed.sections().size(), sections.size()); i++) {
      ParsedSection file = parsed.sections().get(i);
      Section section = sections.get(i);
      translated.add(
          new NewTranslation(TextKind.SECTION_TITLE, section.id, lang, file.title(), null));
      if (file.introduction() != null && !file.introduction().isBlank()) {
        translated.add(
            new NewTranslation(
                TextKind.SECTION_INTRODUCTION, section.id, lang, file.introduction(), null));
      }
      List<CurrentStatement> own = bySection.getOrDefault(section.id, List.of());
      if (file.statements().size() != own.size()) {
        errors.at(
            file.line(),
            null,
            "The section \""
                + file.title()
                + "\" has "
                + file.statements().size()
                + " statements; the study's section "
                + (i + 1)
                + " (\""
                + section.title
                + "\") has "
                + own.size()
                + ".");
        continue;
      }
      for (int j = 0; j < own.size(); j++) {
        ParsedStatement statement = file.statements().get(j);
        CurrentStatement target = own.get(j);
        if (statement.externalId() != null) {
          target = byExternalId.get(statement.externalId());
          if (target == null) {
            errors.at(
                statement.line(),
                null,
                "No statement of the study has the id \"" + statement.externalId() + "\".");
            continue;
          }
        }
        translated.add(
            new NewTranslation(
                TextKind.STATEMENT,
                target.statement().id,
                lang,
                statement.text(),
                target.version().number));
        statements++;
      }
    }
    errors.throwIfAny(GuidanceImporter.WHAT);
    translations.putAll(study, translated);
    return new ImportSummary(0, sections.size(), statements);
  }

  /**
   * The one parsing step of imports and previews: the file read and checked against the study's
   * guidance, then its sections matched to the study's by title. A title the file repeats adds to
   * the first section of that title.
   */
  private List<PlannedSection> plan(long studyId, GuidanceFormat format, byte[] body) {
    Map<String, Section> stored = new HashMap<>();
    for (Section section : guidance.allSections(studyId)) {
      stored.put(section.title.toLowerCase(Locale.ROOT), section);
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
        GuidanceImporter.read(
            format,
            body,
            new GuidanceImporter.Existing(texts, ids, studies.require(studyId).language));
    Map<String, PlannedSection> plan = new LinkedHashMap<>();
    for (ParsedSection parsedSection : parsed.sections()) {
      String key = parsedSection.title().toLowerCase(Locale.ROOT);
      plan.computeIfAbsent(key, k -> new PlannedSection(parsedSection, stored.get(k)))
          .statements
          .addAll(parsedSection.statements());
    }
    return List.copyOf(plan.values());
  }

  /**
   * Swaps a section with the one above or below it. Like every change of the guidance, only before
   * round 1 opens: the guidance order is the order of every round's items, the results and the
   * report, so it stays one order through the study.
   */
  @Transactional
  public SectionView moveSection(long sectionId, Direction direction) {
    Section section = guidance.requireSection(sectionId);
    guidance.lockStudy(section.study.id);
    draft(section.study.id);
    Section other =
        guidance
            .sectionBeside(section, direction == Direction.UP)
            .orElseThrow(
                () ->
                    ConcordException.conflict(
                        "\""
                            + section.title
                            + "\" is the "
                            + (direction == Direction.UP ? "first" : "last")
                            + " section already."));
    int position = section.position;
    section.position = other.position;
    other.position = position;
    return section(sectionId);
  }

  /** Swaps a statement with the one above or below it in its section; only before round 1. */
  @Transactional
  public StatementView moveStatement(long statementId, Direction direction) {
    Statement statement = guidance.requireStatement(statementId);
    guidance.lockStudy(statement.study.id);
    draft(statement.study.id);
    if (statement.status != StatementStatus.ACTIVE) {
      throw ConcordException.conflict("This statement was removed; it has no place to move.");
    }
    Statement other =
        guidance
            .statementBeside(statement, direction == Direction.UP)
            .orElseThrow(
                () ->
                    ConcordException.conflict(
                        "The statement is the "
                            + (direction == Direction.UP ? "first" : "last")
                            + " of its section already."));
    int position = statement.position;
    statement.position = other.position;
    other.position = position;
    return statement(statementId).current();
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
