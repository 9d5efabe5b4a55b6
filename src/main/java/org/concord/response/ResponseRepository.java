package org.concord.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.common.PageRequest;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.round.Invitation;
import org.concord.round.Round;
import org.concord.round.RoundState;

/** Responses, ratings and comments: a page of a round costs a fixed number of these queries. */
@ApplicationScoped
public class ResponseRepository {

  @Inject EntityManager em;

  /** The open round the panelist is invited to, else the last round they were invited to. */
  public Optional<Invitation> currentInvitation(Panelist panelist) {
    List<Invitation> invitations =
        em.createQuery(
                "select i from Invitation i join fetch i.round r where i.panelist = :panelist"
                    + " order by case when r.state = :open then 0 else 1 end, r.number desc",
                Invitation.class)
            .setParameter("panelist", panelist)
            .setParameter("open", RoundState.OPEN)
            .setMaxResults(1)
            .getResultList();
    return invitations.stream().findFirst();
  }

  /**
   * The first opening of a link: the invitation is opened and an invited panelist becomes active.
   * Conditional updates, so that two first page views at once both succeed and neither overwrites a
   * withdrawal made meanwhile.
   */
  public void markOpened(Invitation invitation, Panelist panelist) {
    em.createQuery("update Invitation set openedAt = :now where id = :id and openedAt is null")
        .setParameter("now", Instant.now())
        .setParameter("id", invitation.id)
        .executeUpdate();
    em.createQuery("update Panelist set status = :active where id = :id and status = :invited")
        .setParameter("active", PanelistStatus.ACTIVE)
        .setParameter("invited", PanelistStatus.INVITED)
        .setParameter("id", panelist.id)
        .executeUpdate();
  }

  /**
   * The positions at which the invitation's panelist was shown the round's statements, by round
   * item id; empty when no order was drawn for them (the round's own order).
   */
  public Map<Long, Integer> shownPositions(Invitation invitation) {
    Map<Long, Integer> positions = new HashMap<>();
    em.createQuery(
            "select sp.item.id, sp.position from ShownPosition sp where sp.invitation = :invitation",
            Object[].class)
        .setParameter("invitation", invitation)
        .getResultStream()
        .forEach(row -> positions.put((Long) row[0], (Integer) row[1]));
    return positions;
  }

  public Optional<Response> response(Round round, Panelist panelist) {
    return em.createQuery(
            "select s from Response s where s.round = :round and s.panelist = :panelist",
            Response.class)
        .setParameter("round", round)
        .setParameter("panelist", panelist)
        .getResultStream()
        .findFirst();
  }

  public List<Rating> ratings(Response response) {
    return em.createQuery("select r from Rating r where r.response = :response", Rating.class)
        .setParameter("response", response)
        .getResultList();
  }

  public List<ResponseComment> comments(Response response) {
    return em.createQuery(
            "select c from ResponseComment c where c.response = :response", ResponseComment.class)
        .setParameter("response", response)
        .getResultList();
  }

  /** The panelist's own submitted ratings in a round, for "your earlier rating". */
  public List<Rating> submittedRatings(Round round, Panelist panelist) {
    return em.createQuery(
            "select r from Rating r join r.response s where s.round = :round and s.panelist = :panelist"
                + " and s.state = :submitted",
            Rating.class)
        .setParameter("round", round)
        .setParameter("panelist", panelist)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .getResultList();
  }

  /** Comments the team released on the statements of a round, oldest first. */
  public List<ResponseComment> releasedComments(Round round) {
    return em.createQuery(
            "select c from ResponseComment c where c.item.round = :round and c.released = true"
                + " order by c.id",
            ResponseComment.class)
        .setParameter("round", round)
        .getResultList();
  }

  public List<ResponseComment> roundComments(long roundId, int page, int size) {
    return em.createQuery(
            "select c from ResponseComment c join fetch c.response s join fetch s.panelist p"
                + " join fetch p.group where s.round.id = :round order by c.id",
            ResponseComment.class)
        .setParameter("round", roundId)
        .setFirstResult(PageRequest.offset(page, size))
        .setMaxResults(size)
        .getResultList();
  }

  public long countRoundComments(long roundId) {
    return em.createQuery(
            "select count(c) from ResponseComment c where c.response.round.id = :round", Long.class)
        .setParameter("round", roundId)
        .getSingleResult();
  }

  public List<LateSave> lateSaves(long roundId) {
    return em.createQuery(
            "select l from LateSave l join fetch l.panelist p join fetch p.group"
                + " where l.round.id = :round order by l.id",
            LateSave.class)
        .setParameter("round", roundId)
        .getResultList();
  }

  public long countLateSaves(long roundId) {
    return em.createQuery("select count(l) from LateSave l where l.round.id = :round", Long.class)
        .setParameter("round", roundId)
        .getSingleResult();
  }

  public void persist(Object entity) {
    em.persist(entity);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }
}
