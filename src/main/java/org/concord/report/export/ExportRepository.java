package org.concord.report.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.concord.response.ResponseState;

/**
 * The exports' queries. Each streams scalar rows in the order they are written, so a million
 * ratings never sit in memory together: no entity is loaded, and the driver fetches in batches.
 */
@ApplicationScoped
public class ExportRepository {

  private static final int FETCH_SIZE = 1_000;

  @Inject EntityManager em;

  public record PanelistRow(
      long id, String name, String email, String group, String status, Instant withdrawnAt) {}

  /**
   * One submitted rating with the same panelist's rating of the statement in the round before
   * ({@code previousRated} false when they did not rate it then).
   */
  public record RatingRow(
      long panelistId,
      String group,
      int round,
      long statementId,
      int statementVersion,
      long itemId,
      Integer value,
      boolean unableToRate,
      boolean reasonGiven,
      boolean previousRated,
      Integer previousValue,
      boolean previousUnable) {}

  public record CommentRow(
      int round,
      Long statementId,
      Integer statementVersion,
      String section,
      String group,
      boolean released,
      String text) {}

  public record ParticipationRow(
      long panelistId,
      String group,
      int round,
      Instant openedAt,
      String state,
      Instant consentedAt,
      Instant submittedAt) {}

  /** The study's panelists in the order that gives them their pseudonyms. */
  public List<PanelistRow> panelists(long studyId) {
    return em.createQuery(
            "select p.id, p.name, p.email, g.name, p.status, p.withdrawnAt from Panelist p"
                + " join p.group g where p.study.id = :study order by p.id",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .map(
            r ->
                new PanelistRow(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    r[4].toString(),
                    (Instant) r[5]))
        .toList();
  }

  public Stream<RatingRow> ratings(long studyId) {
    return em.createQuery(
            "select p.id, g.name, rd.number, st.id, v.number, i.id, r.value, r.unableToRate,"
                + " case when r.reasonForChange is null then false else true end,"
                + " case when prev.id is null then false else true end, prev.value,"
                + " prev.unableToRate"
                + " from Rating r join r.response s join s.round rd join r.item i"
                + " join i.statement st join i.version v join s.panelist p join p.group g"
                + " left join i.previous pi"
                + " left join Response ps on ps.panelist = p and ps.round = pi.round"
                + " and ps.state = :submitted"
                + " left join Rating prev on prev.response = ps and prev.item = pi"
                + " where rd.study.id = :study and s.state = :submitted"
                + " order by rd.number, p.id, i.position",
            Object[].class)
        .setParameter("study", studyId)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .setHint("org.hibernate.fetchSize", FETCH_SIZE)
        .setHint("org.hibernate.readOnly", true)
        .getResultStream()
        .map(
            r ->
                new RatingRow(
                    (Long) r[0],
                    (String) r[1],
                    (Integer) r[2],
                    (Long) r[3],
                    (Integer) r[4],
                    (Long) r[5],
                    (Integer) r[6],
                    (Boolean) r[7],
                    (Boolean) r[8],
                    (Boolean) r[9],
                    (Integer) r[10],
                    Boolean.TRUE.equals(r[11])));
  }

  /** Every comment of the study's responses, without who wrote it. */
  public Stream<CommentRow> comments(long studyId) {
    return em.createQuery(
            "select rd.number, st.id, v.number, coalesce(ss.title, cs.title), g.name, c.released,"
                + " c.text from ResponseComment c join c.response s join s.round rd"
                + " join s.panelist p join p.group g left join c.item i left join i.statement st"
                + " left join i.version v left join st.section ss left join c.section cs"
                + " where rd.study.id = :study order by rd.number, c.id",
            Object[].class)
        .setParameter("study", studyId)
        .setHint("org.hibernate.fetchSize", FETCH_SIZE)
        .setHint("org.hibernate.readOnly", true)
        .getResultStream()
        .map(
            r ->
                new CommentRow(
                    (Integer) r[0],
                    (Long) r[1],
                    (Integer) r[2],
                    (String) r[3],
                    (String) r[4],
                    (Boolean) r[5],
                    (String) r[6]));
  }

  /** Per invitation: the panelist, the round, and how far their response got. */
  public Stream<ParticipationRow> participation(long studyId) {
    return em.createQuery(
            "select p.id, g.name, rd.number, inv.openedAt, s.state, s.consentedAt, s.submittedAt"
                + " from Invitation inv join inv.round rd join inv.panelist p join p.group g"
                + " left join Response s on s.round = rd and s.panelist = p"
                + " where rd.study.id = :study order by rd.number, p.id",
            Object[].class)
        .setParameter("study", studyId)
        .setHint("org.hibernate.fetchSize", FETCH_SIZE)
        .setHint("org.hibernate.readOnly", true)
        .getResultStream()
        .map(
            r ->
                new ParticipationRow(
                    (Long) r[0],
                    (String) r[1],
                    (Integer) r[2],
                    (Instant) r[3],
                    r[4] == null ? null : r[4].toString(),
                    (Instant) r[5],
                    (Instant) r[6]));
  }
}
