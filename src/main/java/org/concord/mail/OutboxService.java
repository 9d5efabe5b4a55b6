package org.concord.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Texts;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.round.Round;
import org.concord.round.RoundState;
import org.concord.study.AuditLog;

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
  @Inject AuditLog audit;

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
      email.subject = withStudyTitle(p.subject(), email.study.title);
      email.dedupeKey = p.dedupeKey();
      em.persist(email);
    }
  }

  /**
   * The subject as sent: it names the study, so that a panelist can place the email among their
   * others (a team may write an invitation subject without the title), and it fits its column. A
   * subject that lacks the title gets it at the end, kept whole while the subject allows.
   */
  static String withStudyTitle(String subject, String title) {
    String text = subject == null ? "" : subject.strip();
    if (text.isEmpty()) {
      return Texts.fit(title, SUBJECT_LENGTH);
    }
    if (title == null || title.isBlank() || text.contains(title)) {
      return Texts.fit(text, SUBJECT_LENGTH);
    }
    String suffix = " – " + title;
    if (suffix.length() > SUBJECT_LENGTH / 2) {
      return Texts.fit(text + suffix, SUBJECT_LENGTH);
    }
    return Texts.fit(text, SUBJECT_LENGTH - suffix.length()) + suffix;
  }

  /**
   * Puts a failed email back in the queue: pending, its attempts counted afresh, due now. Only a
   * failed email: a pending one is queued already, a sent one went out, and a cancelled one no
   * longer made sense; and not to a panelist who has withdrawn, nor an invitation or reminder to a
   * round that has closed. It goes to the panelist's address as it is now, so a mistyped address
   * corrected on the panel page is used. Written to the study's audit trail with the error it had.
   */
  @Transactional
  public OutboxEmail retry(long emailId, String actor) {
    OutboxEmail email = require(emailId);
    if (email.status != OutboxStatus.FAILED) {
      throw ConcordException.conflict(
          "Only a failed email can be tried again; this one is "
              + email.status.name().toLowerCase()
              + ".");
    }
    if (email.panelist != null && email.panelist.status == PanelistStatus.WITHDRAWN) {
      throw ConcordException.conflict(
          "The panelist has withdrawn from the study and is not contacted again.");
    }
    if (email.round != null
        && email.round.state == RoundState.CLOSED
        && (email.kind == EmailKind.INVITATION || email.kind == EmailKind.REMINDER)) {
      throw ConcordException.conflict(
          "Round "
              + email.round.number
              + " has closed: its "
              + email.kind.name().toLowerCase()
              + " would ask for answers that can no longer be given.");
    }
    String error = email.lastError;
    email.status = OutboxStatus.PENDING;
    email.attempts = 0;
    email.nextAttemptAt = Instant.now();
    email.claimedUntil = null;
    email.lastError = null;
    if (email.panelist != null) {
      email.recipient = email.panelist.email;
    }
    audit.record(
        email.study,
        actor,
        "email-retried",
        "The "
            + email.kind.name().toLowerCase().replace('_', ' ')
            + " email to "
            + email.recipient
            + " (\""
            + email.subject
            + "\") was put back in the queue"
            + (error == null ? "." : " after it failed: " + error));
    return email;
  }

  public OutboxEmail require(long emailId) {
    OutboxEmail email = em.find(OutboxEmail.class, emailId);
    if (email == null) {
      throw ConcordException.notFound("Email", emailId);
    }
    return email;
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

  /** Emails of one status across studies, and since when the oldest of them waits. */
  public record Backlog(OutboxStatus status, long count, Instant oldest) {}

  /**
   * The outbox by status, all studies, in one aggregate query on the status index. Sent emails only
   * grow and are counted by the dispatcher's counter instead, so they are left out here.
   */
  public List<Backlog> backlog() {
    return em.createQuery(
            "select e.status, count(e), min(e.createdAt) from OutboxEmail e"
                + " where e.status <> :sent group by e.status",
            Backlog.class)
        .setParameter("sent", OutboxStatus.SENT)
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
