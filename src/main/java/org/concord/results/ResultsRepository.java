package org.concord.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import org.concord.response.ResponseState;
import org.concord.round.ClosedRoundResults.ItemSummary;

/** The aggregation queries of a round and its stored results: each one SQL statement. */
@ApplicationScoped
public class ResultsRepository {

  @Inject EntityManager em;

  /** Count of ratings of one item by one group at one point (value null: unable to rate). */
  public record HistogramRow(
      long itemId, long groupId, Integer value, boolean unable, long count) {}

  /** Count of panelists who rated {@code previous} then {@code current}, per item. */
  public record PairRow(long itemId, int previous, int current, long count) {}

  /**
   * The histograms of every item of a round, per stakeholder group, from submitted responses: read
   * from the index rating_counted alone, through the copies each rating keeps of its round, its
   * response's state and its panelist's group (V11). The round and the state are grouped on too
   * (one value each), so that the groups come in the index's order and need no hash table.
   */
  public List<HistogramRow> histograms(long roundId) {
    return em.createQuery(
            "select r.item.id, r.group.id, r.value, r.unableToRate, count(r) from Rating r"
                + " where r.round.id = :round and r.submitted = true group by r.round.id,"
                + " r.submitted, r.item.id, r.group.id, r.value, r.unableToRate",
            Object[].class)
        .setParameter("round", roundId)
        .getResultStream()
        .map(
            row ->
                new HistogramRow(
                    (Long) row[0],
                    (Long) row[1],
                    (Integer) row[2],
                    (Boolean) row[3],
                    (Long) row[4]))
        .toList();
  }

  /** Paired ratings of the same panelists in this round and the one before, as a joint table. */
  public List<PairRow> pairs(long roundId) {
    return em.createQuery(
            "select cur.item.id, prev.value, cur.value, count(cur) from Rating cur"
                + " join cur.response cs join cur.item ci, Rating prev join prev.response ps"
                + " where cs.round.id = :round and cs.state = :submitted and ps.state = :submitted"
                + " and prev.item = ci.previous and ps.panelist = cs.panelist"
                + " and cur.value is not null and prev.value is not null"
                + " group by cur.item.id, prev.value, cur.value",
            Object[].class)
        .setParameter("round", roundId)
        .setParameter("submitted", ResponseState.SUBMITTED)
        .getResultStream()
        .map(row -> new PairRow((Long) row[0], (Integer) row[1], (Integer) row[2], (Long) row[3]))
        .toList();
  }

  /** A round's stored results, overall and per group, in the round's order. */
  public List<RoundItemResult> results(long roundId) {
    return em.createQuery(
            "select r from RoundItemResult r left join fetch r.group where r.item.round.id = :round"
                + " order by r.item.position, r.id",
            RoundItemResult.class)
        .setParameter("round", roundId)
        .getResultList();
  }

  /**
   * A round's stored results as the next round's feedback needs them, in the order of {@link
   * #results}: read as values, not entities, since each page view of the next round reads them and
   * the wide result rows would otherwise be built and kept for dirty checking every time.
   */
  public List<ItemSummary> summaries(long roundId) {
    return em.createQuery(
            "select r.item.id, g.name, r.rated, r.unableCount, r.counts, r.median, r.q1, r.q3,"
                + " r.iqr from RoundItemResult r left join r.group g where r.item.round.id = :round"
                + " order by r.item.position, r.id",
            Object[].class)
        .setParameter("round", roundId)
        .getResultStream()
        .map(
            row ->
                new ItemSummary(
                    (Long) row[0],
                    (String) row[1],
                    (Long) row[2],
                    (Long) row[3],
                    Arrays.stream(RoundItemResult.counts((String) row[4])).boxed().toList(),
                    (Double) row[5],
                    (Double) row[6],
                    (Double) row[7],
                    (Double) row[8]))
        .toList();
  }

  /** Every stored result of a study: round, statement order, then overall before the groups. */
  public List<RoundItemResult> ofStudy(long studyId) {
    return em.createQuery(
            "select r from RoundItemResult r join fetch r.item i join fetch i.round rd"
                + " join fetch i.statement join fetch i.version left join fetch r.group g"
                + " where rd.study.id = :study order by rd.number, i.position,"
                + " case when g.id is null then 0 else 1 end, g.position",
            RoundItemResult.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  public void persist(RoundItemResult result) {
    em.persist(result);
  }
}
