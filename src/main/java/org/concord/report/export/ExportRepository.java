package org.concord.report.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import org.hibernate.Session;

/**
 * The exports' queries. Each streams scalar rows in the order they are written, so a million
 * ratings never sit in memory together: no entity is loaded, and rows come in batches or blocks.
 */
@ApplicationScoped
public class ExportRepository {

  private static final int FETCH_SIZE = 1_000;

  /**
   * Ratings per block of the ratings export: a block is held and sorted in memory, about 2 MB, and
   * each block costs a few queries.
   */
  private static final long RATINGS_PER_BLOCK = 20_000;

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

  /**
   * A statement of a round as every rating of it is exported, with where the statement was in the
   * round before ({@code previousRound} 0 when it is new).
   */
  private record Item(
      long id,
      int round,
      long statementId,
      int statementVersion,
      int position,
      long previousItem,
      long previousRound) {}

  /** A rating as the ratings table stores it, with its panelist instead of its response. */
  private record Stored(
      long panelistId, long itemId, Integer value, boolean unableToRate, boolean reasonGiven) {}

  /** A (panelist, item) pair, the key of the maps a block is joined with. */
  private record PanelistItem(long panelistId, long itemId) {}

  /**
   * Submitted ratings by round, then panelist (the pseudonyms' order), then statement position. One
   * query with that order had the database build and sort the whole study's ratings before the
   * first row, and one joining every table the rows name looked up seven rows per rating; instead
   * each round is read in blocks of panelists, each block one join of {@code response} and {@code
   * rating} led by {@code response_unique (round_id, panelist_id)}, sorted in memory. What a rating
   * shares with others (its statement, its panelist's group) comes from small maps read once, so
   * rows flow from the first block and memory holds one block.
   */
  public Stream<RatingRow> ratings(long studyId) {
    Iterator<RoundSize> roundsLeft = roundSizes(studyId).iterator();
    Map<Long, String> groups = groupsOfPanelists(studyId);
    Iterator<RatingRow> blocks =
        new Iterator<>() {
          private long round;
          private Map<Long, Item> items;
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
                items = itemsOf(round);
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
                block = ratingsOf(round, items, groups, panelists.get(0), afterPanelist).iterator();
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

  /** Each panelist's group name, one string per group. */
  private Map<Long, String> groupsOfPanelists(long studyId) {
    Map<String, String> names = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    em.createQuery(
            "select p.id, g.name from Panelist p join p.group g where p.study.id = :study",
            Object[].class)
        .setParameter("study", studyId)
        .getResultStream()
        .forEach(
            r -> {
              String name = (String) r[1];
              groups.put((Long) r[0], names.computeIfAbsent(name, n -> n));
            });
    return groups;
  }

  /** The round's statements by item id. */
  private Map<Long, Item> itemsOf(long round) {
    Map<Long, Item> items = new HashMap<>();
    em.createQuery(
            "select i.id, rd.number, i.statement.id, i.version.number, i.position,"
                + " pi.id, pi.round.id from RoundItem i join i.round rd left join i.previous pi"
                + " where rd.id = :round",
            Object[].class)
        .setParameter("round", round)
        .getResultStream()
        .forEach(
            r ->
                items.put(
                    (Long) r[0],
                    new Item(
                        (Long) r[0],
                        (Integer) r[1],
                        (Long) r[2],
                        (Integer) r[3],
                        (Integer) r[4],
                        r[5] == null ? 0 : (Long) r[5],
                        r[6] == null ? 0 : (Long) r[6])));
    return items;
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
   * The round's submitted ratings of panelists {@code first} to {@code last}, with each one's
   * rating of the same statement in the round before. A list: a block is bounded.
   */
  private List<RatingRow> ratingsOf(
      long round, Map<Long, Item> items, Map<Long, String> groups, long first, long last) {
    List<Stored> ratings = stored(round, first, last);
    Map<PanelistItem, Integer> shown = shownPositions(round, first, last);
    Map<PanelistItem, Stored> previous = new HashMap<>();
    items.values().stream()
        .mapToLong(Item::previousRound)
        .filter(previousRound -> previousRound != 0)
        .distinct()
        .forEach(
            previousRound ->
                stored(previousRound, first, last)
                    .forEach(r -> previous.put(new PanelistItem(r.panelistId(), r.itemId()), r)));
    List<RatingRow> rows = new ArrayList<>(ratings.size());
    for (Stored r : ratings) {
      Item item = items.get(r.itemId());
      Stored before =
          item.previousItem() == 0 || previous.isEmpty()
              ? null
              : previous.get(new PanelistItem(r.panelistId(), item.previousItem()));
      rows.add(
          new RatingRow(
              r.panelistId(),
              groups.get(r.panelistId()),
              item.round(),
              item.statementId(),
              item.statementVersion(),
              item.id(),
              r.value(),
              r.unableToRate(),
              r.reasonGiven(),
              before != null,
              before == null ? null : before.value(),
              before != null && before.unableToRate(),
              shown.isEmpty()
                  ? item.position()
                  : shown.getOrDefault(
                      new PanelistItem(r.panelistId(), item.id()), item.position())));
    }
    rows.sort(
        Comparator.comparingLong(RatingRow::panelistId)
            .thenComparingInt(r -> items.get(r.itemId()).position()));
    return rows;
  }

  /**
   * The round's submitted ratings of panelists {@code first} to {@code last}, in no particular
   * order: plain JDBC, since Hibernate's work per row outweighed the query's.
   */
  private List<Stored> stored(long round, long first, long last) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "select s.panelist_id, r.round_item_id, r.rating_value, r.unable_to_rate,"
                          + " r.reason_for_change is not null from response s"
                          + " join rating r on r.response_id = s.id"
                          + " where s.round_id = ? and s.panelist_id between ? and ?"
                          + " and s.state = ?")) {
                query.setLong(1, round);
                query.setLong(2, first);
                query.setLong(3, last);
                query.setString(4, ResponseState.SUBMITTED.name());
                query.setFetchSize(FETCH_SIZE);
                List<Stored> ratings = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                  while (rs.next()) {
                    int value = rs.getInt(3);
                    boolean unrated = rs.wasNull();
                    ratings.add(
                        new Stored(
                            rs.getLong(1),
                            rs.getLong(2),
                            unrated ? null : value,
                            rs.getBoolean(4),
                            rs.getBoolean(5)));
                  }
                }
                return ratings;
              }
            });
  }

  /**
   * Where each statement stood for panelists {@code first} to {@code last} when the protocol
   * shuffled them, by (panelist, item); empty when it did not, and then they saw the round's own
   * order. A query of its own: joined into the ratings query, it made H2's plan for every export
   * about nine times slower (570 s against 64 s in {@code RatingsExportMemoryIT}), shuffled or not.
   */
  private Map<PanelistItem, Integer> shownPositions(long round, long first, long last) {
    Map<PanelistItem, Integer> shown = new HashMap<>();
    em.createQuery(
            "select sp.invitation.panelist.id, sp.item.id, sp.position from ShownPosition sp"
                + " where sp.invitation.round.id = :round"
                + " and sp.invitation.panelist.id between :first and :last",
            Object[].class)
        .setParameter("round", round)
        .setParameter("first", first)
        .setParameter("last", last)
        .getResultList()
        .forEach(r -> shown.put(new PanelistItem((Long) r[0], (Long) r[1]), (Integer) r[2]));
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
