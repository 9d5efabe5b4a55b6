package org.concord.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.concord.guidance.StatementVersion;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxStatus;
import org.concord.panel.PanelistStatus;
import org.concord.response.ResponseComment;
import org.concord.response.ResponseState;
import org.concord.round.RoundChange;

/** The report's queries: each one statement for the whole study, whatever its size. */
@ApplicationScoped
public class ReportRepository {

  @Inject EntityManager em;

  public record GroupCountRow(String group, long panelists, long withdrawn) {}

  public record RoundCountRow(long roundId, long count) {}

  /** Ratings on the scale of one item of round r − 1 at one point, by those who submitted r. */
  public record StayerRow(long itemId, int value, long count) {}

  public List<GroupCountRow> panelComposition(long studyId) {
    return em.createQuery(
            "select g.name, count(p), sum(case when p.status = :withdrawn then 1 else 0 end)"
                + " from StakeholderGroup g left join Panelist p on p.group = g"
                + " where g.study.id = :study group by g.id, g.name, g.position order by g.position",
            Object[].class)
        .setParameter("study", studyId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultStream()
        .map(
            row ->
                new GroupCountRow(
                    (String) row[0],
                    ((Number) row[1]).longValue(),
                    row[2] == null ? 0 : ((Number) row[2]).longValue()))
        .toList();
  }

  /** Invitation emails the SMTP server accepted, per round of the study. */
  public List<RoundCountRow> deliveredInvitations(long studyId) {
    return em.createQuery(
            "select e.round.id, count(e) from OutboxEmail e where e.study.id = :study"
                + " and e.kind = :invitation and e.status = :sent group by e.round.id",
            Object[].class)
        .setParameter("study", studyId)
        .setParameter("invitation", EmailKind.INVITATION)
        .setParameter("sent", OutboxStatus.SENT)
        .getResultStream()
        .map(row -> new RoundCountRow((Long) row[0], (Long) row[1]))
        .toList();
  }

  /** Ratings of round {@code previousRoundId} by panelists who also submitted {@code roundId}. */
  public List<StayerRow> stayerHistograms(long previousRoundId, long roundId) {
    return em.createQuery(
            "select r.item.id, r.value, count(r) from Rating r join r.response s, Response n"
                + " where s.round.id = :previous and s.state = :submitted and n.round.id = :round"
                + " and n.panelist = s.panelist and n.state = :submitted and r.value is not null"
                + " group by r.item.id, r.value",
            Object[].class)
        .setParameter("previous", previousRoundId)
        .setParameter("round", roundId)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .getResultStream()
        .map(row -> new StayerRow((Long) row[0], (Integer) row[1], (Long) row[2]))
        .toList();
  }

  /** Panelists who submitted both rounds. */
  public long stayed(long previousRoundId, long roundId) {
    return em.createQuery(
            "select count(s) from Response s, Response n where s.round.id = :previous"
                + " and s.state = :submitted and n.round.id = :round and n.panelist = s.panelist"
                + " and n.state = :submitted",
            Long.class)
        .setParameter("previous", previousRoundId)
        .setParameter("round", roundId)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .getSingleResult();
  }

  public List<RoundChange> changes(long studyId) {
    return em.createQuery(
            "select c from RoundChange c join fetch c.round r where r.study.id = :study"
                + " order by r.number, c.id",
            RoundChange.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  /** Every wording of every statement of the study, oldest first. */
  public List<StatementVersion> versions(long studyId) {
    return em.createQuery(
            "select v from StatementVersion v join fetch v.statement s join fetch s.section"
                + " where s.study.id = :study order by s.id, v.number",
            StatementVersion.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  /** Released comments of the study, by round and place; whose they are is not read. */
  public List<ResponseComment> releasedComments(long studyId) {
    return em.createQuery(
            "select c from ResponseComment c join fetch c.response s join fetch s.round r"
                + " left join fetch c.item i left join fetch i.statement left join fetch c.section"
                + " where r.study.id = :study and c.released = true order by r.number, c.id",
            ResponseComment.class)
        .setParameter("study", studyId)
        .getResultList();
  }
}
