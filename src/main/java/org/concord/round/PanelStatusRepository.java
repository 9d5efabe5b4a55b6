package org.concord.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;
import org.concord.panel.PanelFilter;
import org.concord.panel.PanelRounds;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.panel.RoundStatus;

/**
 * The panel seen through its invitations: each panelist's status in every round, and the panel
 * filtered by the status in one round. Each method is one or two SQL statements for a whole page.
 */
@ApplicationScoped
public class PanelStatusRepository implements PanelRounds {

  @Inject EntityManager em;

  private record InvitationRow(
      long panelistId, int round, boolean opened, boolean started, boolean submitted) {}

  @Override
  public List<Integer> openedRounds(long studyId) {
    return em.createQuery(
            "select r.number from Round r where r.study.id = :study and r.openedAt is not null"
                + " order by r.number",
            Integer.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  @Override
  public Map<Long, Map<Integer, RoundStatus>> statuses(
      long studyId, Collection<Panelist> panelists) {
    Map<Long, Map<Integer, RoundStatus>> statuses = new HashMap<>();
    if (panelists.isEmpty()) {
      return statuses;
    }
    List<Integer> rounds = openedRounds(studyId);
    Map<Long, Map<Integer, InvitationRow>> invitations = new HashMap<>();
    em.createQuery(
            "select i.panelist.id, r.number, i.openedAt, i.startedAt, i.submittedAt"
                + " from Invitation i join i.round r"
                + " where i.panelist in :panelists",
            Object[].class)
        .setParameter("panelists", panelists)
        .getResultStream()
        .map(
            row ->
                new InvitationRow(
                    (Long) row[0],
                    (Integer) row[1],
                    row[2] != null,
                    row[3] != null,
                    row[4] != null))
        .forEach(
            row ->
                invitations
                    .computeIfAbsent(row.panelistId(), k -> new HashMap<>())
                    .put(row.round(), row));
    for (Panelist panelist : panelists) {
      boolean withdrawn = panelist.status == PanelistStatus.WITHDRAWN;
      Map<Integer, InvitationRow> own = invitations.getOrDefault(panelist.id, Map.of());
      Map<Integer, RoundStatus> byRound = new LinkedHashMap<>();
      for (int number : rounds) {
        InvitationRow invitation = own.get(number);
        byRound.put(
            number,
            invitation == null
                ? RoundStatus.of(false, false, false, false, withdrawn)
                : RoundStatus.of(
                    true,
                    invitation.opened(),
                    invitation.started(),
                    invitation.submitted(),
                    withdrawn));
      }
      statuses.put(panelist.id, byRound);
    }
    return statuses;
  }

  @Override
  public List<Panelist> find(long studyId, PanelFilter filter, int page, int size) {
    return where(
            "select p from Panelist p join fetch p.group g",
            studyId,
            filter,
            " order by p.id",
            Panelist.class)
        .setFirstResult(PageRequest.offset(page, size))
        .setMaxResults(size)
        .getResultList();
  }

  @Override
  public long count(long studyId, PanelFilter filter) {
    return where("select count(p) from Panelist p join p.group g", studyId, filter, "", Long.class)
        .getSingleResult();
  }

  /** The query with the filter's conditions, each added only when the filter has it. */
  private <T> TypedQuery<T> where(
      String select, long studyId, PanelFilter filter, String order, Class<T> type) {
    StringBuilder jpql = new StringBuilder(select);
    Long roundId = null;
    if (filter.byRound()) {
      roundId = roundId(studyId, filter.round());
      jpql.append(" left join Invitation i on i.panelist = p and i.round.id = :round");
    }
    jpql.append(" where p.study.id = :study");
    if (filter.groupId() != null) {
      jpql.append(" and g.id = :group");
    }
    if (filter.status() != null) {
      jpql.append(" and p.status = :status");
    }
    if (filter.pattern() != null) {
      jpql.append(" and (lower(p.name) like :q escape '\\' or p.emailKey like :q escape '\\')");
    }
    if (roundId != null) {
      jpql.append(" and ").append(condition(filter.roundStatus()));
    }
    TypedQuery<T> query = em.createQuery(jpql + order, type).setParameter("study", studyId);
    if (filter.groupId() != null) {
      query.setParameter("group", filter.groupId());
    }
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.pattern() != null) {
      query.setParameter("q", filter.pattern());
    }
    if (roundId != null) {
      query.setParameter("round", roundId);
      if (filter.roundStatus() != RoundStatus.SUBMITTED) {
        query.setParameter("withdrawn", PanelistStatus.WITHDRAWN);
      }
    }
    return query;
  }

  /** The same rule as {@link RoundStatus#of}, over the left-joined invitation {@code i}. */
  private static String condition(RoundStatus status) {
    String notWithdrawn = "p.status <> :withdrawn";
    return switch (status) {
      case SUBMITTED -> "i.submittedAt is not null";
      case WITHDRAWN -> "p.status = :withdrawn and i.submittedAt is null";
      case NOT_INVITED -> "i.id is null and " + notWithdrawn;
      case NOT_SUBMITTED -> "i.id is not null and i.submittedAt is null and " + notWithdrawn;
      case IN_PROGRESS -> "i.startedAt is not null and i.submittedAt is null and " + notWithdrawn;
      case OPENED ->
          "i.openedAt is not null and i.startedAt is null and i.submittedAt is null and "
              + notWithdrawn;
      case INVITED ->
          "i.id is not null and i.openedAt is null and i.startedAt is null"
              + " and i.submittedAt is null and "
              + notWithdrawn;
    };
  }

  private Long roundId(long studyId, int number) {
    return em.createQuery(
            "select r.id from Round r where r.study.id = :study and r.number = :number", Long.class)
        .setParameter("study", studyId)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> ConcordException.invalid("round", "This study has no round " + number + "."));
  }
}
