package org.concord.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.panel.Panelist;
import org.concord.round.Round;

/** Writes emails to the outbox; callers are in the transaction of the change that causes them. */
@ApplicationScoped
public class OutboxService {

  @Inject EntityManager em;

  /**
   * Queues one email unless one with the same key exists, so asking twice (a retried request, a
   * second instance) never sends twice.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(
      EmailKind kind, Panelist panelist, Round round, String subject, String dedupeKey) {
    long existing =
        em.createQuery("select count(e) from OutboxEmail e where e.dedupeKey = :key", Long.class)
            .setParameter("key", dedupeKey)
            .getSingleResult();
    if (existing > 0) {
      return;
    }
    OutboxEmail email = new OutboxEmail();
    email.study = panelist.study;
    email.kind = kind;
    email.panelist = panelist;
    email.round = round;
    email.recipient = panelist.email;
    email.subject = subject;
    email.dedupeKey = dedupeKey;
    em.persist(email);
  }

  public Page<OutboxEmail> list(long studyId, OutboxStatus status, PageRequest page) {
    List<OutboxEmail> items =
        em.createQuery(
                "select e from OutboxEmail e where e.study.id = :study"
                    + " and (:status is null or e.status = :status) order by e.id",
                OutboxEmail.class)
            .setParameter("study", studyId)
            .setParameter("status", status)
            .setFirstResult(page.page * page.size)
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
}
