package org.concord.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends the outbox until nothing is pending, as the scheduler would over a few ticks. A test's
 * first send to a freshly started SMTP server may meet a pooled connection to the previous one and
 * wait for its retry; an email that met several faults in a row waits its back-off, which doubles.
 * So the drain waits for the next email that falls due, up to a deadline that counts wall time, not
 * ticks: on a loaded machine every send takes longer, and the back-off does not.
 */
@ApplicationScoped
public class OutboxDrain {

  private static final Duration DEADLINE = Duration.ofMinutes(3);

  @Inject MailDispatcher dispatcher;
  @Inject EntityManager em;

  /** Returns how many emails were sent. */
  public int drain() throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    int sent = 0;
    while (true) {
      sent += dispatcher.dispatchDue();
      if (pending() == 0) {
        return sent;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "The outbox still has " + pending() + " pending emails after " + DEADLINE);
      }
      Thread.sleep(untilNextDue().toMillis());
    }
  }

  private long pending() {
    return em.createQuery(
            "select count(e) from OutboxEmail e where e.status = :pending", Long.class)
        .setParameter("pending", OutboxStatus.PENDING)
        .getSingleResult();
  }

  /** Until the earliest pending email is due, between 50 ms and 5 s. */
  private Duration untilNextDue() {
    Instant next =
        em.createQuery(
                "select min(e.nextAttemptAt) from OutboxEmail e where e.status = :pending",
                Instant.class)
            .setParameter("pending", OutboxStatus.PENDING)
            .getSingleResult();
    Duration wait = next == null ? Duration.ZERO : Duration.between(Instant.now(), next);
    return wait.compareTo(Duration.ofMillis(50)) < 0
        ? Duration.ofMillis(50)
        : wait.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait;
  }
}
