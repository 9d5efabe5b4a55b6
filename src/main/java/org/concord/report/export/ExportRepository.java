package org.concord.report.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.concord.response.ResponseState;

/**
 * The exports' queries. Each streams scalar rows in the order they are written, so a million
 * ratings never sit in memory together: no entity is loaded, and rows come in batches or blocks.
 */
@ApplicationScoped
public class ExportRepository {

  private static final int FETCH_SIZE = 1_000;

  /**
   * Ratings per block of the ratings export: a block is sorted in memory, and at a 256 MB heap H2
   * spills a result of more than 10,000 rows to disk.
   */
  private static final long RATINGS_PER_BLOCK = 5_000;

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
      boolean previousUnable,
      int shownPosition) {}

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

  /**
   * Submitted ratings by round, then panelist (the pseudonyms' order), then statement position. One
   * query with that order had the database build and sort the whole study's ratings before the
   * first row; instead each round is read in blocks of panelists, each block a query led by {@code
   * response_unique (round_id, panelist_id)} and small enough to sort in memory, so rows flow from
   * the first block and memory holds one block.
   */
  /** A round of the study and how many statements it has, in round order. */
  private record RoundSize(long roundId, long items) {}

  private List<RoundSize> roundSizes(long studyId) {
    return em.createQuery(
            "select rd.id, count(i) from Round rd left join RoundItem i on i.round = rd"
                + " where rd.study.id = :study group by rd.id, rd.number order by rd.number",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .map(row -> new RoundSize((Long) row[0], (Long) row[1]))
        .toList();
  }

  public Stream<RatingRow> ratings(long studyId) {
    Iterator<RoundSize> roundsLeft = roundSizes(studyId).iterator();
    Iterator<RatingRow> blocks =
        new Iterator<>() {
          private long round;
          private int responsesPerBlock;
          private long afterPanelist = Long.MIN_VALUE;
          private boolean roundDone = true;
          private Iterator<RatingRow> block = Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!block.hasNext()) {
              if (roundDone) {
                if (!roundsLeft.hasNext()) {
                  return false;
                }
                RoundSize next = roundsLeft.next();
                round = next.roundId();
                responsesPerBlock =
                    (int) Math.max(1, RATINGS_PER_BLOCK / Math.max(1, next.items()));
                afterPanelist = Long.MIN_VALUE;
                roundDone = false;
              }
              List<Long> panelists = blockOfPanelists(round, afterPanelist, responsesPerBlock);
              if (panelists.size() < responsesPerBlock) {
                roundDone = true;
              }
              if (!panelists.isEmpty()) {
                afterPanelist = panelists.get(panelists.size() - 1);
                block = ratingsOf(round, panelists.get(0), afterPanelist).iterator();
              }
            }
            return true;
          }

          @Override
          public RatingRow next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return block.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(blocks, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The next panelists, in id order, with a submitted response in the round. */
  private List<Long> blockOfPanelists(long round, long afterPanelist, int count) {
    // Ordered as response_unique is, so the index yields them without a sort.
    return em.createQuery(
            "select s.panelist.id from Response s where s.round.id = :round"
                + " and s.state = :submitted and s.panelist.id > :after"
                + " order by s.round.id, s.panelist.id",
            Long.class)
        .setParameter("round", round)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .setParameter("after", afterPanelist)
        .setMaxResults(count)
        .getResultList();
  }

  /**
   * The round's submitted ratings of panelists {@code first} to {@code last}. A list: H2 builds a
   * query's whole result before the first row anyway, and a block is bounded.
   */
  private List<RatingRow> ratingsOf(long round, long first, long last) {
    Map<List<Long>, Integer> shown = shownPositions(round, first, last);
    return em
        .createQuery(
            "select p.id, g.name, rd.number, st.id, v.number, i.id, r.value, r.unableToRate,"
                + " case when r.reasonForChange is null then false else true end,"
                + " case when prev.id is null then false else true end, prev.value,"
                + " prev.unableToRate, i.position"
                + " from Rating r join r.response s join s.round rd join r.item i"
                + " join i.statement st join i.version v join s.panelist p join p.group g"
                + " left join i.previous pi"
                + " left join Response ps on ps.panelist = p and ps.round = pi.round"
                + " and ps.state = :submitted"
                + " left join Rating prev on prev.response = ps and prev.item = pi"
                + " where s.round.id = :round and s.panelist.id between :first and :last"
                + " and s.state = :submitted"
                + " order by p.id, i.position",
            Object[].class)
        .setParameter("round", round)
        .setParameter("first", first)
        .setParameter("last", last)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .setHint("org.hibernate.readOnly", true)
        .getResultList()
        .stream()
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
                    Boolean.TRUE.equals(r[11]),
                    shown.getOrDefault(
                        List.of((Long) r[0], (Long) r[5]), ((Number) r[12]).intValue())))
        .toList();
  }

  /**
   * Where each statement stood for panelists {@code first} to {@code last} when the protocol
   * shuffled them, by (panelist, item); empty when it did not, and then they saw the round's own
   * order. A query of its own: joined into the ratings query, it made H2's plan for every export
   * about nine times slower (570 s against 64 s in {@code RatingsExportMemoryIT}), shuffled or not.
   */
  private Map<List<Long>, Integer> shownPositions(long round, long first, long last) {
    Map<List<Long>, Integer> shown = new HashMap<>();
    em.createQuery(
            "select sp.invitation.panelist.id, sp.item.id, sp.position from ShownPosition sp"
                + " where sp.invitation.round.id = :round"
                + " and sp.invitation.panelist.id between :first and :last",
            Object[].class)
        .setParameter("round", round)
        .setParameter("first", first)
        .setParameter("last", last)
        .getResultList()
        .forEach(r -> shown.put(List.of((Long) r[0], (Long) r[1]), (Integer) r[2]));
    return shown;
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
