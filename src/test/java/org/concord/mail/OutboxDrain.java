package org.concord.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Sends the outbox until nothing is pending, as the scheduler would over a few ticks. A test's
 * first send to a freshly started SMTP server may meet a pooled connection to the previous one and
 * wait for its retry.
 */
@ApplicationScoped
public class OutboxDrain {

  @Inject MailDispatcher dispatcher;
  @Inject EntityManager em;

  /** Returns how many emails were sent. */
  public int drain() throws InterruptedException {
    int sent = 0;
    for (int tick = 0; tick < 80; tick++) {
      sent += dispatcher.dispatchDue();
      if (pending() == 0) {
        return sent;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The outbox still has " + pending() + " pending emails");
  }

  private long pending() {
    return em.createQuery(
            "select count(e) from OutboxEmail e where e.status = :pending", Long.class)
        .setParameter("pending", OutboxStatus.PENDING)
        .getSingleResult();
  }
}
