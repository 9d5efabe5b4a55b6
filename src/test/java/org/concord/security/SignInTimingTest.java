package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/**
 * With a real bcrypt cost (10: about 50 ms here), the time of a sign-in must not say whether the
 * email has an account, and a verified login must not cost a bcrypt check per request. Each request
 * comes from an address of its own, so that the failure throttle stays out of the way.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class SignInTimingTest {

  private static final int SAMPLES = 7;
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private static long millis(String email, String password, int expectedStatus) {
    int n = NEXT.getAndIncrement();
    long start = System.nanoTime();
    given()
        .header("X-Forwarded-For", "203.0.113." + (n % 250 + 1))
        .auth()
        .preemptive()
        .basic(email, password)
        .get("/api/accounts/me")
        .then()
        .statusCode(expectedStatus);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Test
  void anUnknownEmailTakesAsLongAsAWrongPassword() {
    millis(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
    long[] wrongPassword = new long[SAMPLES];
    long[] unknownEmail = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      wrongPassword[i] = millis(Api.COORDINATOR, "not-the-password-" + i, 401);
      unknownEmail[i] = millis("unknown-" + i + "@test.example", "not-the-password", 401);
    }
    // a success between rounds keeps the coordinator below the lockout
    millis(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
    long wrong = median(wrongPassword);
    long unknown = median(unknownEmail);
    assertThat("a wrong password runs bcrypt", wrong, greaterThan(10L));
    assertThat("an unknown email runs bcrypt as long", unknown * 2, greaterThan(wrong));
    assertThat("an unknown email is not slower", unknown, lessThan(wrong * 2));
  }

  @Test
  void aVerifiedLoginIsNotCheckedWithBcryptOnEveryRequest() {
    millis(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
    long[] verified = new long[SAMPLES];
    long[] wrongPassword = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      verified[i] = millis(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
      wrongPassword[i] = millis(Api.COORDINATOR, "not-the-password-" + i, 401);
    }
    millis(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
    System.out.println(
        "TIMING verified "
            + Arrays.toString(verified)
            + " wrong "
            + Arrays.toString(wrongPassword));
    // a bcrypt check per request would make both about equal; the margin allows for a busy machine
    assertThat(median(verified) * 2, lessThan(median(wrongPassword)));
  }
}
