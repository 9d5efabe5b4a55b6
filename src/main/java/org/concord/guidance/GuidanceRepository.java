package org.concord.guidance;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;
import org.concord.study.Study;

/** Queries over sections, statements and versions: each list is one statement of SQL. */
@ApplicationScoped
public class GuidanceRepository implements PanacheRepository<Section> {

  @Inject EntityManager em;

  /** A statement with the wording it has now. */
  public record CurrentStatement(Statement statement, StatementVersion version) {}

  public Section requireSection(long id) {
    Section section = findById(id);
    if (section == null) {
      throw ConcordException.notFound("Section", id);
    }
    return section;
  }

  public Statement requireStatement(long id) {
    Statement statement = em.find(Statement.class, id);
    if (statement == null) {
      throw ConcordException.notFound("Statement", id);
    }
    return statement;
  }

  public List<Section> sections(long studyId, int page, int size) {
    return find("study.id = ?1 order by position", studyId).page(page, size).list();
  }

  public long countSections(long studyId) {
    return count("study.id", studyId);
  }

  public List<Section> allSections(long studyId) {
    return list("study.id = ?1 order by position", studyId);
  }

  /** Active statements per section of a study. */
  public Map<Long, Long> statementCounts(long studyId) {
    return em.createQuery(
            "select st.section.id, count(st) from Statement st where st.study.id = :study"
                + " and st.status = :active group by st.section.id",
            Object[].class)
        .setParameter("study", studyId)
        .setParameter("active", StatementStatus.ACTIVE)
        .getResultStream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
  }

  private static final String CURRENT =
      " from Statement st join st.section sec, StatementVersion v"
          + " where v.statement = st and v.number ="
          + " (select max(v2.number) from StatementVersion v2 where v2.statement = st)"
          + " and st.study.id = :study and st.status = :active"
          + " and (:section is null or sec.id = :section)";

  public List<CurrentStatement> currentStatements(
      long studyId, Long sectionId, int page, int size) {
    return em.createQuery(
            "select st, v" + CURRENT + " order by sec.position, st.position", Object[].class)
        .setParameter("study", studyId)
        .setParameter("active", StatementStatus.ACTIVE)
        .setParameter("section", sectionId)
        .setFirstResult(PageRequest.offset(page, size))
        .setMaxResults(size)
        .getResultStream()
        .map(row -> new CurrentStatement((Statement) row[0], (StatementVersion) row[1]))
        .toList();
  }

  public long countCurrentStatements(long studyId, Long sectionId) {
    return em.createQuery(
            "select count(st) from Statement st where st.study.id = :study and st.status = :active"
                + " and (:section is null or st.section.id = :section)",
            Long.class)
        .setParameter("study", studyId)
        .setParameter("active", StatementStatus.ACTIVE)
        .setParameter("section", sectionId)
        .getSingleResult();
  }

  /** Every active statement of a study with its section title, for duplicate checks on import. */
  public List<Object[]> currentTextsWithSectionTitles(long studyId) {
    return em.createQuery("select sec.title, v.text, st.externalId" + CURRENT, Object[].class)
        .setParameter("study", studyId)
        .setParameter("active", StatementStatus.ACTIVE)
        .setParameter("section", null)
        .getResultList();
  }

  /** The current version of every statement of a study, by statement id. */
  public Map<Long, StatementVersion> currentVersionsById(long studyId) {
    return em.createQuery(
            "select v from StatementVersion v where v.statement.study.id = :study and v.number ="
                + " (select max(v2.number) from StatementVersion v2 where v2.statement = v.statement)",
            StatementVersion.class)
        .setParameter("study", studyId)
        .getResultStream()
        .collect(Collectors.toMap(v -> v.statement.id, v -> v));
  }

  public List<StatementVersion> versions(long statementId) {
    return em.createQuery(
            "select distinct v from StatementVersion v left join fetch v.sources"
                + " where v.statement.id = :statement order by v.number",
            StatementVersion.class)
        .setParameter("statement", statementId)
        .getResultList();
  }

  public int nextSectionPosition(long studyId) {
    Integer max =
        em.createQuery(
                "select max(s.position) from Section s where s.study.id = :study", Integer.class)
            .setParameter("study", studyId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  public int nextStatementPosition(long sectionId) {
    Integer max =
        em.createQuery(
                "select max(st.position) from Statement st where st.section.id = :section",
                Integer.class)
            .setParameter("section", sectionId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  public void persist(Statement statement) {
    em.persist(statement);
  }

  public void persist(StatementVersion version) {
    em.persist(version);
  }

  /** The study's row under a write lock: moves in one study run one at a time. */
  public Study lockStudy(long studyId) {
    return em.find(Study.class, studyId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The section just above ({@code up}) or below this one, if any. */
  public Optional<Section> sectionBeside(Section section, boolean up) {
    return em.createQuery(
            "from Section s where s.study.id = :study and s.position "
                + (up ? "< :position order by s.position desc" : "> :position order by s.position"),
            Section.class)
        .setParameter("study", section.study.id)
        .setParameter("position", section.position)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The active statement just above ({@code up}) or below this one in its section, if any. */
  public Optional<Statement> statementBeside(Statement statement, boolean up) {
    return em.createQuery(
            "from Statement st where st.section.id = :section and st.status = :active"
                + " and st.position "
                + (up
                    ? "< :position order by st.position desc"
                    : "> :position order by st.position"),
            Statement.class)
        .setParameter("section", statement.section.id)
        .setParameter("active", StatementStatus.ACTIVE)
        .setParameter("position", statement.position)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * Every statement of a study, removed ones too, with its current wording, in guidance order: one
   * query however many there are.
   */
  public List<CurrentStatement> allStatements(long studyId) {
    return em.createQuery(
            "select st, v from Statement st join st.section sec, StatementVersion v"
                + " where v.statement = st and v.number ="
                + " (select max(v2.number) from StatementVersion v2 where v2.statement = st)"
                + " and st.study.id = :study order by sec.position, st.position",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .map(row -> new CurrentStatement((Statement) row[0], (StatementVersion) row[1]))
        .toList();
  }

  /** How many versions each statement of a study has, by statement id. */
  public Map<Long, Long> versionCounts(long studyId) {
    return em.createQuery(
            "select v.statement.id, count(v) from StatementVersion v"
                + " where v.statement.study.id = :study group by v.statement.id",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
  }
}
