package org.concord.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Texts;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.round.Round;

/** Writes emails to the outbox; callers are in the transaction of the change that causes them. */
@ApplicationScoped
public class OutboxService {

  /**
   * The width of {@code outbox_email.subject}; a derived subject ("Reminder: " + …) is cut to it.
   */
  static final int SUBJECT_LENGTH = 300;

  /** Well under PostgreSQL's limit of bind parameters per statement. */
  private static final int KEYS_PER_QUERY = 1000;

  @Inject EntityManager em;

  /** One email to queue: to a panelist, about a round (or none), once per dedupe key. */
  public record Pending(
      EmailKind kind, Panelist panelist, Round round, String subject, String dedupeKey) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(
      EmailKind kind, Panelist panelist, Round round, String subject, String dedupeKey) {
    enqueueAll(List.of(new Pending(kind, panelist, round, subject, dedupeKey)));
  }

  /**
   * Queues each email unless one with the same key exists, so asking twice (a retried request, a
   * second instance) never sends twice. Keys already queued are looked up a thousand at a time.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueueAll(List<Pending> pending) {
    Set<String> queued = new HashSet<>();
    for (int from = 0; from < pending.size(); from += KEYS_PER_QUERY) {
      List<String> keys =
          pending.subList(from, Math.min(from + KEYS_PER_QUERY, pending.size())).stream()
              .map(Pending::dedupeKey)
              .toList();
      queued.addAll(
          em.createQuery(
                  "select e.dedupeKey from OutboxEmail e where e.dedupeKey in :keys", String.class)
              .setParameter("keys", keys)
              .getResultList());
    }
    for (Pending p : pending) {
      if (!queued.add(p.dedupeKey())) {
        continue;
      }
      OutboxEmail email = new OutboxEmail();
      email.study = p.panelist().study;
      email.kind = p.kind();
      email.panelist = p.panelist();
      email.round = p.round();
      email.recipient = p.panelist().email;
      email.subject = Texts.fit(p.subject(), SUBJECT_LENGTH);
      email.dedupeKey = p.dedupeKey();
      em.persist(email);
    }
  }

  public Page<OutboxEmail> list(long studyId, OutboxStatus status, PageRequest page) {
    List<OutboxEmail> items =
        em.createQuery(
                "select e from OutboxEmail e where e.study.id = :study"
                    + " and (:status is null or e.status = :status) order by e.id",
                OutboxEmail.class)
            .setParameter("study", studyId)
            .setParameter("status", status)
            .setFirstResult(PageRequest.offset(page.page, page.size))
            .setMaxResults(page.size)
            .getResultList();
    long total =
        em.createQuery(
                "select count(e) from OutboxEmail e where e.study.id = :study"
                    + " and (:status is null or e.status = :status)",
                Long.class)
            .setParameter("study", studyId)
            .setParameter("status", status)
            .getSingleResult();
    return new Page<>(items, page.page, page.size, total);
  }

  /** The emails written to one panelist, newest first; at most {@code limit}. */
  public List<OutboxEmail> ofPanelist(long panelistId, int limit) {
    return em.createQuery(
            "select e from OutboxEmail e left join fetch e.round where e.panelist.id = :panelist"
                + " order by e.id desc",
            OutboxEmail.class)
        .setParameter("panelist", panelistId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * The study's panelists, not withdrawn, to whom an email failed after every attempt: a wrong
   * address or a mailbox that refuses. With their group loaded.
   */
  public List<Panelist> panelistsWithFailedEmail(long studyId) {
    return em.createQuery(
            "select p from Panelist p join fetch p.group where p.study.id = :study"
                + " and p.status <> :withdrawn and exists (select e from OutboxEmail e"
                + " where e.panelist = p and e.status = :failed) order by p.id",
            Panelist.class)
        .setParameter("study", studyId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .setParameter("failed", OutboxStatus.FAILED)
        .getResultList();
  }

  /** How many of a study's emails are pending, sent, failed and cancelled. */
  public record Summary(long pending, long sent, long failed, long cancelled) {}

  public Summary summary(long studyId) {
    Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
    for (Tuple row :
        em.createQuery(
                "select e.status as status, count(e) as n from OutboxEmail e"
                    + " where e.study.id = :study group by e.status",
                Tuple.class)
            .setParameter("study", studyId)
            .getResultList()) {
      counts.put(row.get("status", OutboxStatus.class), row.get("n", Long.class));
    }
    return new Summary(
        counts.getOrDefault(OutboxStatus.PENDING, 0L),
        counts.getOrDefault(OutboxStatus.SENT, 0L),
        counts.getOrDefault(OutboxStatus.FAILED, 0L),
        counts.getOrDefault(OutboxStatus.CANCELLED, 0L));
  }
}
