package org.concord.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A burst of sign-ins with the same credentials costs one check, not one per connection. The check
 * here blocks until every sign-in of the burst has arrived, so the test does not depend on timing.
 */
class VerifiedCredentialsTest {

  private static final int BURST = 16;

  @Test
  void aBurstOfTheSameSignInRunsOneCheckAndEveryOneGetsItsAnswer() throws Exception {
    for (boolean right : new boolean[] {true, false}) {
      VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1), 100);
      AtomicInteger checks = new AtomicInteger();
      CountDownLatch arrived = new CountDownLatch(BURST);
      BooleanSupplier slowCheck =
          () -> {
            checks.incrementAndGet();
            try {
              // the others are waiting for this check (or about to) once they have all arrived
              arrived.await(10, TimeUnit.SECONDS);
              Thread.sleep(500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return right;
          };
      ExecutorService pool = Executors.newFixedThreadPool(BURST);
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        answers.add(
            pool.submit(
                () -> {
                  arrived.countDown();
                  return verified.verify("a@test.example", "secret", "hash-1", slowCheck);
                }));
      }
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> answer : answers) {
        results.add(answer.get(30, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(results, everyItem(equalTo(right)));
      assertThat("checks for a burst of " + BURST, checks.get(), equalTo(1));

      // afterwards a right password is remembered, a wrong one checked again
      checks.set(0);
      verified.verify("a@test.example", "secret", "hash-1", slowCheck);
      assertThat(checks.get(), equalTo(right ? 0 : 1));
    }
  }

  @Test
  void aChangedPasswordHashIsCheckedAgain() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1), 100);
    AtomicInteger checks = new AtomicInteger();
    BooleanSupplier check = () -> checks.incrementAndGet() > 0;
    verified.verify("a@test.example", "secret", "hash-1", check);
    verified.verify("a@test.example", "secret", "hash-1", check);
    verified.verify("a@test.example", "secret", "hash-2", check);
    assertThat(checks.get(), equalTo(2));
  }
}
