package org.concord.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.concord.common.ConcordConfig;
import org.concord.common.Texts;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each batch is claimed under a row lock that other instances skip, with a lease;
 * its emails are rendered {@code concord.mail.group-size} at a time in one transaction, sent one
 * after the other, and each group is marked sent right after the SMTP server accepted its last. A
 * transient failure (a 4xx reply, a dropped connection, a timeout) is retried with exponential
 * back-off (at most {@code concord.mail.longest-retry} apart) until {@code
 * concord.mail.max-attempts}; a permanent one (a 5xx reply about the recipient or the message, see
 * {@link SendFailure}) fails the email at once, with the server's reply as its last error.
 *
 * <p>Delivery is at least once, not exactly once, in one window: after the SMTP server answered 250
 * to the end of the message and before the transaction that marks its group sent commits. If the
 * process dies there (or the database refuses the update), the row stays PENDING with its claim,
 * and once the claim's lease ({@link #LEASE}) has run out any instance sends it again. Every send
 * of a row carries the same Message-ID (see {@link MailRenderer#messageId}), so the resend is
 * recognisable as the same message by the relay, the recipient's mail program and anyone reading
 * the logs. Closing the window entirely would need the relay to deduplicate by Message-ID, which
 * SMTP does not promise.
 *
 * <p>When the application shuts down it claims no further batch, and the emails it claimed but has
 * not begun to send are released at once (their claim cleared), so that another instance sends them
 * on its next tick instead of waiting for the lease to run out. Each claimed email is held in
 * {@link #held} until either the sending thread or the shutdown takes it out: whichever removes it
 * owns it, so an email is never both released and sent.
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
  @Inject MeterRegistry metrics;

  /** Claimed by this instance and not yet begun: the emails a shutdown releases. */
  private final Set<Long> held = ConcurrentHashMap.newKeySet();

  private volatile boolean stopping;
  private Counter sentCounter;
  private Counter transientFailures;
  private Counter permanentFailures;

  @PostConstruct
  void meters() {
    sentCounter =
        Counter.builder("concord.outbox.sent")
            .description("Emails the SMTP server accepted, by this instance")
            .register(metrics);
    transientFailures = failureCounter("transient");
    permanentFailures = failureCounter("permanent");
  }

  private Counter failureCounter(String kind) {
    return Counter.builder("concord.outbox.send.failures")
        .description(
            "Failed sends by this instance: transient ones are retried, permanent ones fail the"
                + " email")
        .tag("kind", kind)
        .register(metrics);
  }

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

  /**
   * Claims and sends one batch; returns {taken, done}, counting cancelled emails in both. Once the
   * application is shutting down it claims nothing, and sends no further email of its batch.
   */
  public int[] dispatchBatch() {
    if (stopping) {
      return new int[] {0, 0};
    }
    Claim batch = claimAndHold();
    // Past the lease another instance may claim the same rows and send them too; a batch that has
    // used half of its lease (a relay that answers very slowly) stops, and its remaining emails go
    // out once the lease has run out, from whichever instance claims them then.
    Instant stopAt = batch.leasedUntil().minus(LEASE.dividedBy(2));
    int sent = 0;
    List<Long> ids = batch.ids();
    int groupSize = config.mail().groupSize();
    for (int from = 0; from < ids.size(); from += groupSize) {
      if (Instant.now().isAfter(stopAt)) {
        LOG.warnf(
            "Half of the outbox lease (%s) went on one batch; the rest waits for a new claim",
            LEASE);
        // No longer this instance's to release at shutdown: another may claim them by then.
        ids.forEach(held::remove);
        break;
      }
      List<Long> begun =
          ids.subList(from, Math.min(from + groupSize, ids.size())).stream()
              .filter(held::remove)
              .toList();
      if (!begun.isEmpty()) {
        sent += send(begun);
      }
    }
    return new int[] {batch.ids().size() + batch.cancelled(), sent + batch.cancelled()};
  }

  /**
   * Claims a batch and holds its emails until each is sent. A shutdown that began while the claim
   * committed found nothing held yet, so the claim releases its own emails.
   */
  Claim claimAndHold() {
    Claim batch = claim();
    held.addAll(batch.ids());
    if (stopping) {
      releaseHeld();
    }
    return batch;
  }

  /**
   * At shutdown, after the HTTP server has let in-flight requests finish ({@code
   * quarkus.shutdown.timeout}): no further batch, and the held emails released for another
   * instance. An email being sent right now finishes, and is marked sent if the process lives long
   * enough; if not, its lease brings it back (the at-least-once window above).
   */
  void onShutdown(@Observes ShutdownEvent event) {
    stopping = true;
    int released = releaseHeld();
    if (released > 0) {
      LOG.infof("Shutting down: released %d claimed outbox emails for another instance", released);
    }
  }

  /** Releases the held emails (those this call takes out of {@link #held}); returns how many. */
  int releaseHeld() {
    List<Long> ids = new ArrayList<>();
    for (Long id : List.copyOf(held)) {
      if (held.remove(id)) {
        ids.add(id);
      }
    }
    if (!ids.isEmpty()) {
      release(ids);
    }
    return ids.size();
  }

  @Transactional
  void release(List<Long> ids) {
    em.createQuery(
            "update OutboxEmail e set e.claimedUntil = null, e.version = e.version + 1"
                + " where e.id in :ids and e.status = :pending")
        .setParameter("ids", ids)
        .setParameter("pending", OutboxStatus.PENDING)
        .executeUpdate();
  }

  /** After {@link #onShutdown} in a test: claim and send again. */
  void resume() {
    stopping = false;
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

  /**
   * Renders the emails in one transaction, sends them one after the other, and records the outcomes
   * in one transaction; returns how many were sent. One email per transaction left the SMTP server
   * idle while the database wrote two commits per email. (Handing a group to the mailer's pool of
   * connections at once left a send unanswered for good when a server dropped connections.)
   */
  private int send(List<Long> ids) {
    Map<Long, Mail> mails = new LinkedHashMap<>();
    Map<Long, SendFailure> failures = new HashMap<>();
    render(ids, mails, failures);
    List<Long> sent = new ArrayList<>();
    mails.forEach(
        (id, mail) -> {
          try {
            mailer.send(mail);
            sent.add(id);
          } catch (RuntimeException e) {
            SendFailure failure = SendFailure.of(e);
            LOG.warnf(
                "Sending outbox email %d failed (%s): %s",
                id, failure.permanent() ? "permanent" : "will retry", failure.reason());
            failures.put(id, failure);
          }
        });
    recordOutcomes(sent, failures);
    sentCounter.increment(sent.size());
    return sent.size();
  }

  /** Renders each email, or notes why it cannot be; one at a time if the batch fails as a whole. */
  private void render(List<Long> ids, Map<Long, Mail> mails, Map<Long, SendFailure> failures) {
    try {
      mails.putAll(renderer.renderAll(ids));
      return;
    } catch (RuntimeException e) {
      LOG.debugf(e, "Rendering outbox emails %s together failed; rendering them one by one", ids);
    }
    for (Long id : ids) {
      try {
        mails.put(id, renderer.render(id));
      } catch (RuntimeException e) {
        LOG.errorf(e, "Cannot render outbox email %d", id);
        failures.put(id, new SendFailure(false, "Cannot render: " + e.getMessage()));
      }
    }
  }

  /**
   * Marks the accepted emails sent and the others failed, in one transaction. Until it commits the
   * emails stay claimed: a crash here makes them due again when the lease runs out (the
   * at-least-once window, as wide as the emails in flight).
   */
  @Transactional
  void recordOutcomes(List<Long> sent, Map<Long, SendFailure> failures) {
    if (!sent.isEmpty()) {
      em.createQuery(
              "update OutboxEmail e set e.status = :sent, e.sentAt = :now,"
                  + " e.attempts = e.attempts + 1, e.claimedUntil = null, e.lastError = null,"
                  + " e.version = e.version + 1 where e.id in :ids")
          .setParameter("sent", OutboxStatus.SENT)
          .setParameter("now", Instant.now())
          .setParameter("ids", sent)
          .executeUpdate();
    }
    failures.forEach(this::failed);
  }

  @Transactional
  void failed(long id, SendFailure failure) {
    (failure.permanent() ? permanentFailures : transientFailures).increment();
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
