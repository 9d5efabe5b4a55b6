package org.concord.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordConfig;
import org.concord.common.Texts;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each batch is claimed under a row lock that other instances skip, with a lease;
 * each email is marked sent right after the SMTP server accepted it. A transient failure (a 4xx
 * reply, a dropped connection, a timeout) is retried with exponential back-off (at most {@code
 * concord.mail.longest-retry} apart) until {@code concord.mail.max-attempts}; a permanent one (a
 * 5xx reply about the recipient or the message, see {@link SendFailure}) fails the email at once,
 * with the server's reply as its last error.
 *
 * <p>Delivery is at least once, not exactly once, in one window: after the SMTP server answered 250
 * to the end of the message and before the transaction that marks the row sent commits. If the
 * process dies there (or the database refuses the update), the row stays PENDING with its claim,
 * and once the claim's lease ({@link #LEASE}) has run out any instance sends it again. Every send
 * of a row carries the same Message-ID (see {@link MailRenderer#messageId}), so the resend is
 * recognisable as the same message by the relay, the recipient's mail program and anyone reading
 * the logs. Closing the window entirely would need the relay to deduplicate by Message-ID, which
 * SMTP does not promise.
 */
@ApplicationScoped
public class MailDispatcher {

  private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
  static final Duration LEASE = Duration.ofMinutes(5);

  @Inject EntityManager em;
  @Inject Mailer mailer;
  @Inject MailRenderer renderer;
  @Inject Instance<OutboxRelevance> relevance;
  @Inject ConcordConfig config;

  @Scheduled(
      every = "${concord.mail.dispatch-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    dispatchDue();
  }

  /**
   * Sends every email that is due now; returns how many were sent. A batch in which nothing could
   * be sent ends the run: the server is likely down, and the back-off decides when to try again.
   */
  public int dispatchDue() {
    int sent = 0;
    int[] batch;
    do {
      batch = dispatchBatch();
      sent += batch[1];
    } while (batch[0] == config.mail().batchSize() && batch[1] > 0);
    return sent;
  }

  /** Claims and sends one batch; returns {taken, done}, counting cancelled emails in both. */
  public int[] dispatchBatch() {
    Claim batch = claim();
    // Past the lease another instance may claim the same rows and send them too; a batch that has
    // used half of its lease (a relay that answers very slowly) stops, and its remaining emails go
    // out once the lease has run out, from whichever instance claims them then.
    Instant stopAt = batch.leasedUntil().minus(LEASE.dividedBy(2));
    int sent = 0;
    for (Long id : batch.ids()) {
      if (Instant.now().isAfter(stopAt)) {
        LOG.warnf(
            "Half of the outbox lease (%s) went on one batch; the rest waits for a new claim",
            LEASE);
        break;
      }
      if (send(id)) {
        sent++;
      }
    }
    return new int[] {batch.ids().size() + batch.cancelled(), sent + batch.cancelled()};
  }

  /**
   * The emails claimed for sending, how many due ones were cancelled instead, and when the claim's
   * lease runs out.
   */
  record Claim(List<Long> ids, int cancelled, Instant leasedUntil) {}

  /**
   * Claims a batch of due emails. Those that no longer make sense ({@link OutboxRelevance}) are
   * cancelled in the same transaction, with the reason as their last error.
   *
   * <p>The rows are picked by a native {@code SELECT … FOR UPDATE SKIP LOCKED}, the same text on H2
   * and PostgreSQL: another instance claiming at the same moment skips the rows this one holds
   * instead of waiting for them, and once this transaction commits their lease keeps them out of
   * its query. (Asked through JPA, with a lock timeout of "skip locked", Hibernate 7 writes {@code
   * for no key update … skip locked} on PostgreSQL; the native text keeps the claim one statement
   * that reads the same on both engines and does not depend on how a dialect renders a lock.)
   */
  @Transactional
  Claim claim() {
    Instant now = Instant.now();
    List<Long> ids =
        em.createNativeQuery(
                "select id from outbox_email where status = :pending and next_attempt_at <= :now"
                    + " and (claimed_until is null or claimed_until < :now) order by id"
                    + " limit :batch for update skip locked",
                Long.class)
            .setParameter("pending", OutboxStatus.PENDING.name())
            .setParameter("now", now)
            .setParameter("batch", config.mail().batchSize())
            .getResultList();
    if (ids.isEmpty()) {
      return new Claim(List.of(), 0, now.plus(LEASE));
    }
    List<OutboxEmail> due =
        em.createQuery(
                "select e from OutboxEmail e where e.id in :ids order by e.id", OutboxEmail.class)
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, String> obsolete = new HashMap<>();
    relevance.forEach(r -> obsolete.putAll(r.obsolete(due)));
    List<Long> claimed = new ArrayList<>();
    for (OutboxEmail email : due) {
      String reason = obsolete.get(email.id);
      if (reason == null) {
        email.claimedUntil = now.plus(LEASE);
        claimed.add(email.id);
      } else {
        email.status = OutboxStatus.CANCELLED;
        email.lastError = reason;
      }
    }
    return new Claim(claimed, due.size() - claimed.size(), now.plus(LEASE));
  }

  private boolean send(long id) {
    Mail mail;
    try {
      mail = renderer.render(id);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Cannot render outbox email %d", id);
      failed(id, new SendFailure(false, "Cannot render: " + e.getMessage()));
      return false;
    }
    try {
      mailer.send(mail);
    } catch (RuntimeException e) {
      SendFailure failure = SendFailure.of(e);
      LOG.warnf(
          "Sending outbox email %d failed (%s): %s",
          id, failure.permanent() ? "permanent" : "will retry", failure.reason());
      failed(id, failure);
      return false;
    }
    sent(id);
    return true;
  }

  @Transactional
  void sent(long id) {
    OutboxEmail email = em.find(OutboxEmail.class, id);
    email.status = OutboxStatus.SENT;
    email.sentAt = Instant.now();
    email.attempts++;
    email.claimedUntil = null;
    email.lastError = null;
  }

  @Transactional
  void failed(long id, SendFailure failure) {
    OutboxEmail email = em.find(OutboxEmail.class, id);
    email.attempts++;
    email.lastError = Texts.fit(failure.reason(), 2000);
    email.claimedUntil = null;
    if (failure.permanent() || email.attempts >= config.mail().maxAttempts()) {
      email.status = OutboxStatus.FAILED;
    } else {
      Duration wait =
          config.mail().firstRetry().multipliedBy(1L << Math.min(email.attempts - 1, 20));
      Duration longest = config.mail().longestRetry();
      email.nextAttemptAt = Instant.now().plus(wait.compareTo(longest) > 0 ? longest : wait);
    }
  }
}
