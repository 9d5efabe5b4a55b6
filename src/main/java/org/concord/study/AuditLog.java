package org.concord.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Texts;

/** Writes and reads the study's audit trail, which the report prints. */
@ApplicationScoped
public class AuditLog {

  @Inject EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Study study, String actor, String action, String detail) {
    AuditEvent event = new AuditEvent();
    event.study = study;
    event.actor = actor == null ? "system" : actor;
    event.action = action;
    event.detail = Texts.fit(detail, 4000);
    em.persist(event);
  }

  public List<AuditEvent> of(long studyId) {
    return em.createQuery(
            "select e from AuditEvent e where e.study.id = :study order by e.id", AuditEvent.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  /** One page of the study's events, newest first, as the team reads back what happened. */
  public Page<AuditEvent> newestFirst(long studyId, PageRequest page) {
    List<AuditEvent> events =
        em.createQuery(
                "select e from AuditEvent e where e.study.id = :study order by e.id desc",
                AuditEvent.class)
            .setParameter("study", studyId)
            .setFirstResult(PageRequest.offset(page.page, page.size))
            .setMaxResults(page.size)
            .getResultList();
    long total =
        em.createQuery("select count(e) from AuditEvent e where e.study.id = :study", Long.class)
            .setParameter("study", studyId)
            .getSingleResult();
    return new Page<>(events, page.page, page.size, total);
  }
}
