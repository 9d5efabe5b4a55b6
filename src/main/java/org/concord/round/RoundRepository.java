package org.concord.round;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;

/** Rounds and their aggregation queries: each is one SQL statement, whatever the panel size. */
@ApplicationScoped
public class RoundRepository implements PanacheRepository<Round> {

  @Inject EntityManager em;

  /** Invited to a round and submitted it. */
  public record Tally(long invited, long submitted) {}

  /** Of a round's invited panelists who have not submitted: how many, and how many at the cap. */
  public record Unanswered(long count, long atCap) {}

  public record ProgressRow(
      long groupId, String group, long invited, long opened, long inProgress, long submitted) {}

  public Round require(long id) {
    Round round = findById(id);
    if (round == null) {
      throw ConcordException.notFound("Round", id);
    }
    return round;
  }

  /**
   * The round under an exclusive row lock: two team actions on one round (open, close, remind,
   * build the next round) run one after the other. Panelists' answers do not take this lock; see
   * {@link #lockAgainstAnswers}.
   */
  public Round lockExclusive(long id) {
    Round round = em.find(Round.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (round == null) {
      throw ConcordException.notFound("Round", id);
    }
    return round;
  }

  /**
   * The round and every invitation to it under exclusive row locks, for a change that an answer in
   * flight must not straddle: closing and reminding. An answer locks its own invitation ({@link
   * #lockInvitation}) and then reads the round's state, so it either commits before this lock is
   * granted (and is counted, or stops its reminder) or waits for this transaction and then sees the
   * round as it left it. Answers to one round never wait for each other, on H2 as on PostgreSQL;
   * the invitations of a round are all created when it opens, under the round's lock.
   */
  public Round lockAgainstAnswers(long id) {
    Round round = lockExclusive(id);
    em.createNativeQuery("select id from invitation where round_id = ?1 order by id for update")
        .setParameter(1, id)
        .getResultList();
    return round;
  }

  /**
   * Locks one panelist's invitation, then reads its round's committed state: their saves and
   * submits of a round run one at a time, and each sees a close that committed before it.
   */
  public void lockInvitation(Invitation invitation) {
    em.lock(invitation, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(invitation.round);
  }

  public List<Round> ofStudy(long studyId) {
    return list("study.id = ?1 order by number", studyId);
  }

  public Optional<Round> byNumber(long studyId, int number) {
    return find("study.id = ?1 and number = ?2", studyId, number).firstResultOptional();
  }

  public Optional<Round> latest(long studyId) {
    return find("study.id = ?1 order by number desc", studyId).firstResultOptional();
  }

  public Optional<Round> openRound(long studyId) {
    return find("study.id = ?1 and state = ?2", studyId, RoundState.OPEN).firstResultOptional();
  }

  /** Items with their wording, statement and section loaded, in the round's order. */
  public List<RoundItem> items(long roundId) {
    return em.createQuery(
            "select i from RoundItem i join fetch i.version join fetch i.statement st"
                + " join fetch st.section where i.round.id = :round order by i.position",
            RoundItem.class)
        .setParameter("round", roundId)
        .getResultList();
  }

  /**
   * The section of each of a round's items, by item id: all a save needs to check where its answers
   * go, without loading the items, their statements and versions into the persistence context.
   */
  public Map<Long, Long> sectionsOfItems(long roundId) {
    Map<Long, Long> sections = new HashMap<>();
    em.createQuery(
            "select i.id, i.statement.section.id from RoundItem i where i.round.id = :round",
            Object[].class)
        .setParameter("round", roundId)
        .getResultStream()
        .forEach(row -> sections.put((Long) row[0], (Long) row[1]));
    return sections;
  }

  /** A round's items, and how many of them carry a statement from the round before. */
  public record ItemCount(long items, long carried) {}

  public ItemCount countItems(long roundId) {
    return em.createQuery(
            "select count(i), coalesce(sum(case when i.previous is null then 0 else 1 end), 0)"
                + " from RoundItem i where i.round.id = :round",
            ItemCount.class)
        .setParameter("round", roundId)
        .getSingleResult();
  }

  public RoundItem requireItem(long roundId, long itemId) {
    RoundItem item = em.find(RoundItem.class, itemId);
    if (item == null || !item.round.id.equals(roundId)) {
      throw ConcordException.notFound("Round item", itemId);
    }
    return item;
  }

  /** How many panelists a round invited and how many of them submitted. */
  public record Turnout(long invited, long submitted) {}

  /** A round's {@link Turnout}: the totals of {@link #progress}, from the invitations alone. */
  public Turnout turnout(long roundId) {
    return em.createQuery(
            "select count(i), count(i.submittedAt) from Invitation i where i.round.id = :round",
            Turnout.class)
        .setParameter("round", roundId)
        .getSingleResult();
  }

  public List<ProgressRow> progress(long roundId) {
    return em.createQuery(
            "select g.id, g.name, count(i), count(i.openedAt),"
                + " sum(case when i.startedAt is not null and i.submittedAt is null then 1 else 0"
                + " end), count(i.submittedAt)"
                + " from Invitation i join i.panelist p join p.group g"
                + " where i.round.id = :round group by g.id, g.name, g.position order by g.position",
            Object[].class)
        .setParameter("round", roundId)
        .getResultStream()
        .map(
            row ->
                new ProgressRow(
                    (Long) row[0],
                    (String) row[1],
                    (Long) row[2],
                    (Long) row[3],
                    row[4] == null ? 0 : ((Number) row[4]).longValue(),
                    row[5] == null ? 0 : ((Number) row[5]).longValue()))
        .toList();
  }

  /** Panelists who may be invited: not withdrawn, and for a later round, as eligibility says. */
  public List<Panelist> eligible(long studyId, Long submittedRoundId) {
    if (submittedRoundId == null) {
      return em.createQuery(
              "select p from Panelist p where p.study.id = :study and p.status <> :withdrawn"
                  + " order by p.id",
              Panelist.class)
          .setParameter("study", studyId)
          .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
          .getResultList();
    }
    return em.createQuery(
            "select p from Invitation i join i.panelist p where i.round.id = :round"
                + " and i.submittedAt is not null and p.status <> :withdrawn order by p.id",
            Panelist.class)
        .setParameter("round", submittedRoundId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultList();
  }

  /** How many panelists {@link #eligible} would list, counted by the database. */
  public long countEligible(long studyId, Long submittedRoundId) {
    if (submittedRoundId == null) {
      return em.createQuery(
              "select count(p) from Panelist p where p.study.id = :study and p.status <> :withdrawn",
              Long.class)
          .setParameter("study", studyId)
          .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
          .getSingleResult();
    }
    return em.createQuery(
            "select count(p) from Invitation i join i.panelist p where i.round.id = :round"
                + " and i.submittedAt is not null and p.status <> :withdrawn",
            Long.class)
        .setParameter("round", submittedRoundId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getSingleResult();
  }

  /** Invited to an open round and submitted it, for the metrics. */
  public record OpenRoundTally(long round, long invited, long submitted) {}

  /** Invited and submitted of every open round, across studies: one query for them all. */
  public List<OpenRoundTally> openRoundTallies() {
    return em.createQuery(
            "select r.id, count(i), count(i.submittedAt) from Round r"
                + " left join Invitation i on i.round = r where r.state = :open"
                + " group by r.id order by r.id",
            OpenRoundTally.class)
        .setParameter("open", RoundState.OPEN)
        .getResultList();
  }

  /** Invited and submitted of each of a study's rounds, by round id: one query for them all. */
  public Map<Long, Tally> tallies(long studyId) {
    Map<Long, Tally> tallies = new HashMap<>();
    em.createQuery(
            "select i.round.id, count(i), count(i.submittedAt) from Invitation i"
                + " where i.round.study.id = :study group by i.round.id",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .forEach(row -> tallies.put((Long) row[0], new Tally((Long) row[1], (Long) row[2])));
    return tallies;
  }

  /** The panelists {@link #unanswered} lists, counted, and those of them at the reminder cap. */
  public Unanswered countUnanswered(long roundId, int cap) {
    Object[] row =
        em.createQuery(
                "select count(i), sum(case when i.remindersSent >= :cap then 1 else 0 end)"
                    + " from Invitation i join i.panelist p where i.round.id = :round"
                    + " and p.status <> :withdrawn and i.submittedAt is null",
                Object[].class)
            .setParameter("round", roundId)
            .setParameter("cap", cap)
            .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
            .getSingleResult();
    return new Unanswered(
        ((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
  }

  /** Invited panelists who have not submitted: the only ones a reminder goes to. */
  public List<Invitation> unanswered(long roundId) {
    return em.createQuery(
            "select i from Invitation i join fetch i.panelist p where i.round.id = :round"
                + " and p.status <> :withdrawn and i.submittedAt is null",
            Invitation.class)
        .setParameter("round", roundId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultList();
  }

  /**
   * Of these reminder emails, those whose panelist has submitted or withdrawn since, or whose round
   * is no longer open. One query for a whole batch of the outbox.
   */
  public List<Long> remindersNoLongerDue(List<Long> reminderIds) {
    return em.createQuery(
            "select e.id from OutboxEmail e join e.round r join e.panelist p where e.id in :ids"
                + " and (p.status = :withdrawn or r.state <> :open or exists (select i from"
                + " Invitation i where i.round = r and i.panelist = p and i.submittedAt is not null))",
            Long.class)
        .setParameter("ids", reminderIds)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .setParameter("open", RoundState.OPEN)
        .getResultList();
  }

  public Optional<Invitation> invitation(long roundId, long panelistId) {
    return em.createQuery(
            "select i from Invitation i where i.round.id = :round and i.panelist.id = :panelist",
            Invitation.class)
        .setParameter("round", roundId)
        .setParameter("panelist", panelistId)
        .getResultStream()
        .findFirst();
  }

  public List<Round> dueToClose(Instant now) {
    return list("state = ?1 and closesAt <= ?2", RoundState.OPEN, now);
  }

  public List<Round> openWithClosingTime() {
    return list("state = ?1 and closesAt is not null", RoundState.OPEN);
  }

  /** Statements that have been in any round of the study. */
  public Set<Long> ratedStatementIds(long studyId) {
    return new HashSet<>(
        em.createQuery(
                "select distinct i.statement.id from RoundItem i where i.round.study.id = :study",
                Long.class)
            .setParameter("study", studyId)
            .getResultList());
  }

  /** Removes a draft's items, before it is built again; a draft has no answers to lose. */
  public void deleteItems(long roundId) {
    em.createQuery("delete from RoundItem i where i.round.id = :round")
        .setParameter("round", roundId)
        .executeUpdate();
  }

  public void persistItem(RoundItem item) {
    em.persist(item);
  }

  public void persistEntity(Object entity) {
    em.persist(entity);
  }
}
