package org.concord.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.common.PageRequest;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.response.PanelistViews.AnswerView;
import org.concord.round.Invitation;
import org.concord.round.Round;
import org.concord.round.RoundState;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

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

  public List<ResponseComment> comments(Response response) {
    return em.createQuery(
            "select c from ResponseComment c where c.response = :response", ResponseComment.class)
        .setParameter("response", response)
        .getResultList();
  }

  /**
   * One statement's answer as a save leaves it: removed, or a value (null with {@code unable}); the
   * reason replaces the stored one only when {@code reasonGiven}.
   */
  public record RatingWrite(
      long itemId,
      boolean remove,
      Integer value,
      boolean unable,
      boolean reasonGiven,
      String reason) {}

  /**
   * Writes a save's ratings with a fixed number of batched statements, whatever their number: the
   * removals, the updates of stored answers, then the inserts of the answers no update found. No
   * rating entity is loaded: per-rating entities cost more in flushing and dirty checking than the
   * SQL itself. The caller holds the invitation's lock, so nothing else writes these rows
   * meanwhile; an insert copies the round, the response's state and the panelist's group as the
   * database has them (see {@link Rating#group}).
   */
  public void writeRatings(long responseId, List<RatingWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    // the response and anything else pending reach the database first: the ratings refer to it
    em.flush();
    SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
    BeforeExecutionGenerator ids =
        (BeforeExecutionGenerator)
            session
                .getFactory()
                .getMappingMetamodel()
                .getEntityDescriptor(Rating.class)
                .getGenerator();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    session.doWork(
        connection -> {
          List<RatingWrite> kept = new ArrayList<>();
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "delete from rating where response_id = ? and round_item_id = ?")) {
            for (RatingWrite write : writes) {
              if (write.remove()) {
                delete.setLong(1, responseId);
                delete.setLong(2, write.itemId());
                delete.addBatch();
              } else {
                kept.add(write);
              }
            }
            if (kept.size() < writes.size()) {
              delete.executeBatch();
            }
          }
          if (kept.isEmpty()) {
            return;
          }
          int[] updated;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update rating set rating_value = ?, unable_to_rate = ?, reason_for_change ="
                      + " case when ? then ? else reason_for_change end, updated_at = ?"
                      + " where response_id = ? and round_item_id = ?")) {
            for (RatingWrite write : kept) {
              value(update, 1, write.value());
              update.setBoolean(2, write.unable());
              update.setBoolean(3, write.reasonGiven());
              reason(update, 4, write.reason());
              update.setObject(5, now);
              update.setLong(6, responseId);
              update.setLong(7, write.itemId());
              update.addBatch();
            }
            updated = update.executeBatch();
          }
          boolean inserting = false;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into rating (id, response_id, round_item_id, rating_value,"
                      + " unable_to_rate, reason_for_change, created_at, updated_at, round_id,"
                      + " group_id, submitted) select ?, ?, ?, ?, ?, ?, ?, ?, s.round_id,"
                      + " p.group_id, s.state = 'SUBMITTED' from response s"
                      + " join panelist p on p.id = s.panelist_id where s.id = ?")) {
            for (int i = 0; i < kept.size(); i++) {
              if (updated[i] != 0) {
                continue;
              }
              RatingWrite write = kept.get(i);
              insert.setLong(1, (Long) ids.generate(session, null, null, EventType.INSERT));
              insert.setLong(2, responseId);
              insert.setLong(3, write.itemId());
              value(insert, 4, write.value());
              insert.setBoolean(5, write.unable());
              reason(insert, 6, write.reasonGiven() ? write.reason() : null);
              insert.setObject(7, now);
              insert.setObject(8, now);
              insert.setLong(9, responseId);
              insert.addBatch();
              inserting = true;
            }
            if (inserting) {
              insert.executeBatch();
            }
          }
        });
  }

  /** A submit: the response's ratings count from now on (see {@link Rating#submitted}). */
  public void markSubmitted(long responseId) {
    em.createNativeQuery("update rating set submitted = true where response_id = ?1")
        .setParameter(1, responseId)
        .executeUpdate();
  }

  private static void value(PreparedStatement statement, int index, Integer value)
      throws java.sql.SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  private static void reason(PreparedStatement statement, int index, String reason)
      throws java.sql.SQLException {
    if (reason == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, reason);
    }
  }

  /** A response's answers as stored, by statement, without loading a rating entity. */
  public List<AnswerView> answers(long responseId) {
    return em.createQuery(
            "select r.item.id, r.value, r.unableToRate, r.reasonForChange from Rating r"
                + " where r.response.id = :response order by r.item.id",
            Object[].class)
        .setParameter("response", responseId)
        .getResultStream()
        .map(
            row ->
                new AnswerView((Long) row[0], (Integer) row[1], (Boolean) row[2], (String) row[3]))
        .toList();
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

  /** An entity known to exist, by id, without reading it: for a reference to store. */
  public <T> T reference(Class<T> type, Object id) {
    return em.getReference(type, id);
  }

  public void persist(Object entity) {
    em.persist(entity);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }
}
