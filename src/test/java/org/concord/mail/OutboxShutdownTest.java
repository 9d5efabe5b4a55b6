package org.concord.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.concord.TestStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the dispatcher does when the application shuts down while it holds a claimed batch. */
@QuarkusTest
class OutboxShutdownTest {

  @Inject MailDispatcher dispatcher;
  @Inject MockMailbox mailbox;
  @Inject EntityManager em;
  @Inject MeterRegistry registry;

  @BeforeEach
  void emptyOutbox() {
    dispatcher.dispatchDue();
    mailbox.clear();
  }

  @Test
  void aShutdownReleasesTheClaimedBatchAndAnotherRunSendsEachEmailOnce() {
    long study = TestStudies.study("Shutdown with a batch").panelists(3).openRound().study();
    MailDispatcher.Claim claim = dispatcher.claimAndHold();
    assertThat(claim.ids(), hasSize(3));
    assertThat(claims(claim.ids()), everyItem(notNullValue()));

    try {
      dispatcher.onShutdown(null);
      assertThat("claimable again at once", claims(claim.ids()), everyItem(nullValue()));
      assertThat(statuses(claim.ids()), everyItem(equalTo(OutboxStatus.PENDING)));
      assertThat(attempts(claim.ids()), everyItem(equalTo(0)));
      assertThat("no batch is claimed while shutting down", dispatcher.dispatchDue(), equalTo(0));
      assertThat(claims(claim.ids()), everyItem(nullValue()));
      assertThat(mailbox.getTotalMessagesSent(), equalTo(0));
    } finally {
      dispatcher.resume();
    }

    // Another instance (here: the same dispatcher, running again) sends them, each once.
    assertThat(dispatcher.dispatchDue(), equalTo(3));
    assertThat(dispatcher.dispatchDue(), equalTo(0));
    assertThat(statuses(claim.ids()), everyItem(equalTo(OutboxStatus.SENT)));
    assertThat(mailbox.getTotalMessagesSent(), equalTo(3));
    for (int p = 1; p <= 3; p++) {
      assertThat(mailbox.getMailsSentTo("p" + p + "-" + study + "@example.org"), hasSize(1));
    }
  }

  @Test
  void aClaimThatCommitsAsTheShutdownBeginsReleasesItself() {
    TestStudies.study("Shutdown during a claim").panelists(2).openRound();
    try {
      dispatcher.onShutdown(null);
      MailDispatcher.Claim claim = dispatcher.claimAndHold();
      assertThat(claim.ids(), hasSize(2));
      assertThat(claims(claim.ids()), everyItem(nullValue()));
      assertThat(dispatcher.releaseHeld(), equalTo(0));
    } finally {
      dispatcher.resume();
    }
    assertThat(dispatcher.dispatchDue(), equalTo(2));
    assertThat(mailbox.getTotalMessagesSent(), equalTo(2));
  }

  @Test
  void failedSendsAreCountedAsTransientOrPermanent() {
    TestStudies.study("Counted failures").panelists(2).openRound();
    double transientBefore = failures("transient");
    double permanentBefore = failures("permanent");
    MailDispatcher.Claim claim = dispatcher.claimAndHold();
    dispatcher.failed(claim.ids().get(0), new SendFailure(false, "421 try again later"));
    dispatcher.failed(claim.ids().get(1), new SendFailure(true, "550 no such mailbox"));
    dispatcher.releaseHeld();
    assertThat(failures("transient") - transientBefore, equalTo(1.0));
    assertThat(failures("permanent") - permanentBefore, equalTo(1.0));
    assertThat(
        statuses(claim.ids()), containsInAnyOrder(OutboxStatus.PENDING, OutboxStatus.FAILED));
  }

  private double failures(String kind) {
    return registry.counter("concord.outbox.send.failures", "kind", kind).count();
  }

  private List<Instant> claims(List<Long> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createQuery(
                        "select e.claimedUntil from OutboxEmail e where e.id in :ids",
                        Instant.class)
                    .setParameter("ids", ids)
                    .getResultList());
  }

  private List<OutboxStatus> statuses(List<Long> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createQuery(
                        "select e.status from OutboxEmail e where e.id in :ids", OutboxStatus.class)
                    .setParameter("ids", ids)
                    .getResultList());
  }

  private List<Integer> attempts(List<Long> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createQuery(
                        "select e.attempts from OutboxEmail e where e.id in :ids", Integer.class)
                    .setParameter("ids", ids)
                    .getResultList());
  }
}
